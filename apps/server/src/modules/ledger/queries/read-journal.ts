import { DomainError } from '../../../platform/domain-error.js';
import type { LedgerContext } from '../commands/post-journal-entries.js';
import {
  findAccountRow,
  findEntryRow,
  findReversalOf,
  listAccountsWithBalances,
  listEntryRows,
  listLinesBetween,
  sumLinesUpTo,
} from '../ledger.sql.js';
import { signedBalance } from '../rules/signed-balance.js';

type ReadContext = Pick<LedgerContext, 'tx' | 'cooperativeId'>;

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** One entry with its lines and, if it was reversed, the reversal. Refuses: ledger.entry_not_found. */
export async function getJournalEntry(ctx: ReadContext, entryId: string) {
  const found = await findEntryRow(ctx.tx, ctx.cooperativeId, entryId);
  if (!found) throw new DomainError('ledger.entry_not_found');
  const reversal = await findReversalOf(ctx.tx, ctx.cooperativeId, entryId);
  return { ...found.entry, lines: found.lines, reversedByEntryId: reversal?.id ?? null };
}

/** Entries newest first; the cursor is the sequence of the last entry seen. */
export async function listJournalEntries(
  ctx: ReadContext,
  input: {
    from: string | null;
    to: string | null;
    sourceType: string | null;
    cursor: number | null;
    limit: number;
  },
) {
  const rows = await listEntryRows(ctx.tx, ctx.cooperativeId, {
    ...input,
    beforeSequence: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page,
    nextCursor: rows.length > input.limit ? String(page.at(-1)?.sequence ?? '') : null,
  };
}

/**
 * The general ledger of one account between two dates: the opening balance, then each line with
 * the running balance after it, in posting order. The cursor carries the last line's position
 * and running balance, so every page continues the same running total.
 * Refuses: ledger.account_not_found.
 */
export async function getGeneralLedger(
  ctx: ReadContext,
  input: { accountId: string; from: string; to: string; cursor: string | null; limit: number },
) {
  const account = await findAccountRow(ctx.tx, ctx.cooperativeId, input.accountId);
  if (!account) throw new DomainError('ledger.account_not_found');
  const ids = [account.id];
  if (account.isControl) {
    const all = await listAccountsWithBalances(ctx.tx, ctx.cooperativeId);
    ids.push(
      ...all
        .filter((row) => row.account.parentAccountId === account.id)
        .map((row) => row.account.id),
    );
  }
  const opening = await sumLinesUpTo(ctx.tx, ctx.cooperativeId, ids, dayBefore(input.from));
  const openingBalance = signedBalance(account.normalSide, opening.debit, opening.credit);
  const cursor = parseLedgerCursor(input.cursor);
  let running = cursor?.runningBalance ?? openingBalance;
  const rows = await listLinesBetween(ctx.tx, ctx.cooperativeId, {
    accountIds: ids,
    from: input.from,
    to: input.to,
    after: cursor ?? { date: input.from, sequence: 0, lineNumber: 0 },
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit).map((row) => {
    const amount = BigInt(row.amount);
    running += row.side === account.normalSide ? amount : -amount;
    return {
      entryId: row.entry_id,
      lineNumber: row.line_number,
      accountId: row.account_id,
      businessDate: row.business_date,
      sequence: Number(row.sequence),
      side: row.side,
      amount,
      memo: row.line_memo ?? row.memo,
      sourceType: row.source_type,
      runningBalance: running,
    };
  });
  const last = page.at(-1);
  return {
    account: {
      id: account.id,
      code: account.code,
      name: account.name,
      normalSide: account.normalSide,
    },
    from: input.from,
    to: input.to,
    openingBalance,
    lines: page,
    nextCursor:
      rows.length > input.limit && last
        ? `${last.businessDate}/${last.sequence}/${last.lineNumber}/${last.runningBalance.toString()}`
        : null,
  };
}

function parseLedgerCursor(cursor: string | null) {
  if (!cursor) return null;
  const match = /^(\d{4}-\d{2}-\d{2})\/(\d+)\/(\d+)\/(-?\d+)$/.exec(cursor);
  if (!match) return null;
  return {
    date: match[1] ?? '',
    sequence: Number(match[2]),
    lineNumber: Number(match[3]),
    runningBalance: BigInt(match[4] ?? '0'),
  };
}
