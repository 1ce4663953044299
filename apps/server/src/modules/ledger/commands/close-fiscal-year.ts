import { DomainError } from '../../../platform/domain-error.js';
import {
  findAccountByCode,
  findEntryBySource,
  readAccountTotalsAsOf,
  sumLinesByAccountBetween,
} from '../ledger.sql.js';
import type { EntryLineInput } from '../ledger.types.js';
import { wellKnownCodes } from '../rules/chart-templates.js';
import type { LedgerContext } from './post-journal-entries.js';
import { postJournalEntry } from './post-journal-entry.js';

/**
 * Year-end close: one entry dated the fiscal year's last day that empties every revenue and
 * expense account of the year into SHU tahun berjalan (3-1301). The SHU module later allocates
 * that surplus as the RAT decides. Must run before the year's last month is closed.
 *
 * Refuses: ledger.year_already_closed, and postJournalEntry's refusals (ledger.period_closed).
 */
export async function closeFiscalYear(
  ctx: LedgerContext & { actorPersonId: string | null },
  input: { fiscalYearStart: string; fiscalYearEnd: string },
) {
  if (!isWholeFiscalYear(input.fiscalYearStart, input.fiscalYearEnd)) {
    throw new DomainError('ledger.fiscal_year_invalid', {
      start: input.fiscalYearStart,
      end: input.fiscalYearEnd,
    });
  }
  const sourceId = `${input.fiscalYearStart}..${input.fiscalYearEnd}`;
  if (await findEntryBySource(ctx.tx, ctx.cooperativeId, 'ledger.year_end_close', sourceId)) {
    throw new DomainError('ledger.year_already_closed', { year: input.fiscalYearEnd.slice(0, 4) });
  }
  const shuAccount = await findAccountByCode(
    ctx.tx,
    ctx.cooperativeId,
    wellKnownCodes.currentYearShu,
  );
  if (!shuAccount) throw new DomainError('ledger.account_not_found');
  const accounts = await readAccountTotalsAsOf(ctx.tx, ctx.cooperativeId, input.fiscalYearEnd);
  const movements = await sumLinesByAccountBetween(
    ctx.tx,
    ctx.cooperativeId,
    input.fiscalYearStart,
    input.fiscalYearEnd,
  );
  const lines: EntryLineInput[] = [];
  let surplus = 0n;
  for (const account of accounts) {
    if (account.class !== 'revenue' && account.class !== 'expense') continue;
    const movement = movements.get(account.id);
    if (!movement) continue;
    const net = movement.debit - movement.credit; // positive: a debit balance to clear with a credit
    if (net === 0n) continue;
    lines.push({
      accountId: account.id,
      side: net > 0n ? 'credit' : 'debit',
      amount: net > 0n ? net : -net,
    });
    surplus -= net;
  }
  if (surplus !== 0n) {
    lines.push({
      accountId: shuAccount.id,
      side: surplus > 0n ? 'credit' : 'debit',
      amount: surplus > 0n ? surplus : -surplus,
    });
  }
  if (lines.length < 2) return { entryId: null, surplus: '0' };
  const posted = await postJournalEntry(
    ctx,
    {
      businessDate: input.fiscalYearEnd,
      lines,
      sourceType: 'ledger.year_end_close',
      sourceId,
      memo: `Penutupan tahun buku ${input.fiscalYearEnd.slice(0, 4)}: pendapatan dan beban ke SHU tahun berjalan`,
      idempotencyKey: `ledger.year_end_close:${sourceId}`,
      postedBy: ctx.actorPersonId,
    },
    { allowInactiveAccounts: true },
  );
  return { entryId: posted.id, surplus: surplus.toString() };
}

/** A fiscal year starts on the first of a month and ends the day before the same date a year on. */
export function isWholeFiscalYear(start: string, end: string): boolean {
  if (!start.endsWith('-01')) return false;
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  return new Date(next.getTime() - 86_400_000).toISOString().slice(0, 10) === end;
}
