import { DomainError } from '../../../platform/domain-error.js';
import { addAccount, lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { findAccountIdsByCode, findOpenSession, markSessionClosed } from '../savings.sql.js';
import {
  businessDateOf,
  cashCode,
  cashOverCode,
  cashShortCode,
  type SavingsContext,
} from '../savings.types.js';
import { getTellerSession } from '../queries/get-teller-session.js';

/** Selisih kas accounts, added to the chart the first time a drawer does not match. */
async function differenceAccountId(ctx: SavingsContext, isShort: boolean): Promise<string> {
  const code = isShort ? cashShortCode : cashOverCode;
  const found = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [code])).get(code);
  if (found) return found;
  const added = await addAccount(ctx, {
    code,
    name: isShort ? 'Selisih kas (kurang)' : 'Selisih kas (lebih)',
    class: isShort ? 'expense' : 'revenue',
    reportGroup: isShort ? 'beban_usaha' : 'pendapatan_lain',
    participation: isShort ? undefined : 'non_member',
  });
  return added.id;
}

/**
 * The kasir counts the drawer and closes the session: expected cash (float + Kas in − Kas out of
 * the session's entries) against counted cash. A difference is booked so the ledger's Kas equals
 * what is in the drawer: a shortfall Dr Selisih kas (kurang) Cr Kas, a surplus Dr Kas Cr Selisih
 * kas (lebih).
 * Refuses: savings.session_not_found (no open session of the caller with that id).
 */
export async function closeTellerSession(
  ctx: SavingsContext,
  input: { sessionId: string; countedCash: bigint },
) {
  const open = ctx.actorPersonId
    ? await findOpenSession(ctx.tx, ctx.cooperativeId, ctx.actorPersonId, 'update')
    : null;
  if (!open || open.id !== input.sessionId) throw new DomainError('savings.session_not_found');
  await lockLedgerForPosting(ctx);
  const { expectedCash } = await getTellerSession(ctx, open.id);
  const difference = input.countedCash - expectedCash;
  let differenceEntryId: string | null = null;
  if (difference !== 0n) {
    const isShort = difference < 0n;
    const amount = isShort ? -difference : difference;
    const cash = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode])).get(cashCode);
    if (!cash) throw new DomainError('ledger.account_not_found');
    const other = await differenceAccountId(ctx, isShort);
    const posted = await postJournalEntry(ctx, {
      businessDate: businessDateOf(ctx.now),
      lines: isShort
        ? [
            { accountId: other, side: 'debit', amount },
            { accountId: cash, side: 'credit', amount },
          ]
        : [
            { accountId: cash, side: 'debit', amount },
            { accountId: other, side: 'credit', amount },
          ],
      sourceType: 'savings.cash_difference',
      sourceId: open.id,
      memo: `Selisih kas sesi kasir ${open.id}`,
      idempotencyKey: `savings.cash_difference:${open.id}`,
      postedBy: ctx.actorPersonId,
    });
    differenceEntryId = posted.id;
  }
  await markSessionClosed(ctx.tx, ctx.cooperativeId, open.id, {
    closedAt: ctx.now,
    expectedCash,
    countedCash: input.countedCash,
    differenceEntryId,
  });
  return getTellerSession(ctx, open.id);
}
