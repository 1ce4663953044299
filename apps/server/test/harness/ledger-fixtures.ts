import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  getTrialBalance,
  listAccounts,
  type EntryInput,
  type EntryLineInput,
  type LedgerContext,
} from '../../src/modules/ledger/index.js';
import {
  queryRows,
  withSystem,
  withTenant,
  type Database,
} from '../../src/platform/db/database.js';
import { isDomainError } from '../../src/platform/domain-error.js';
import { databaseErrorOf } from './errors.js';

/** The moment ledger tests act at: mid-March 2026, so January and February have ended. */
export const ledgerNow = new Date('2026-03-15T03:00:00Z');

/** A date later than any business date a test posts: "as of the end of the books". */
export const endOfTime = '9999-12-31';

/** Runs `fn` as one ledger command or query of `cooperativeId`, in its own tenant transaction. */
export function inLedger<T>(
  db: Database,
  cooperativeId: string,
  fn: (ctx: LedgerContext & { actorPersonId: string | null }) => Promise<T>,
  now: Date = ledgerNow,
): Promise<T> {
  return withTenant(db, cooperativeId, (tx) => fn({ tx, cooperativeId, now, actorPersonId: null }));
}

export const debit = (accountId: string, amount: bigint): EntryLineInput => ({
  accountId,
  side: 'debit',
  amount,
});
export const credit = (accountId: string, amount: bigint): EntryLineInput => ({
  accountId,
  side: 'credit',
  amount,
});

/** An entry with a fresh idempotency key and source, dated in the open month of ledgerNow. */
export function anEntry(lines: EntryLineInput[], overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    businessDate: '2026-03-10',
    lines,
    sourceType: 'test.posting',
    sourceId: randomUUID(),
    memo: 'Posting uji',
    idempotencyKey: `test-${randomUUID()}`,
    ...overrides,
  };
}

export type ChartAccount = Awaited<ReturnType<typeof listAccounts>>[number];

/** The cooperative's chart (sub-accounts included), by code. */
export async function chartOf(db: Database, cooperativeId: string) {
  const accounts = await inLedger(db, cooperativeId, (ctx) =>
    listAccounts(ctx, { includeSubAccounts: true }),
  );
  const byCode = new Map(accounts.map((account) => [account.code, account]));
  return {
    accounts,
    /** The id of the account with `code`; a missing code is a mistake in the test. */
    id: (code: string): string => {
      const account = byCode.get(code);
      if (!account) throw new Error(`no account ${code} in the chart`);
      return account.id;
    },
  };
}

/**
 * Everything a refused command must leave as it was: how many entries and lines exist, the chain
 * head, every account's totals and pending holds, and the trial balance.
 */
export async function ledgerStateOf(db: Database, cooperativeId: string) {
  return inLedger(db, cooperativeId, async (ctx) => {
    const [counts] = await queryRows<{
      entries: number;
      lines: number;
      last_sequence: string | number | bigint;
      last_hash: string;
    }>(
      ctx.tx,
      sql`select (select count(*)::int from journal_entries) as entries,
            (select count(*)::int from journal_lines) as lines,
            h.last_sequence, h.last_hash
          from ledger_chain_heads h where h.cooperative_id = ${cooperativeId}`,
    );
    if (!counts) throw new Error('the cooperative has no chain head');
    const accounts = await listAccounts(ctx, { includeSubAccounts: true });
    const trialBalance = await getTrialBalance(ctx, { asOf: endOfTime });
    return {
      entryCount: counts.entries,
      lineCount: counts.lines,
      lastSequence: Number(counts.last_sequence),
      headHash: counts.last_hash,
      accounts: Object.fromEntries(
        accounts.map((account) => [
          account.code,
          {
            debitTotal: account.debitTotal,
            creditTotal: account.creditTotal,
            balance: account.balance,
            available: account.available,
            isActive: account.isActive,
          },
        ]),
      ),
      trialBalance: {
        debitTotal: trialBalance.debitTotal,
        creditTotal: trialBalance.creditTotal,
        lines: trialBalance.lines,
      },
    };
  });
}

/** The refusal code a command raised; fails when it succeeded or crashed with something else. */
export async function refusalOf(
  attempt: Promise<unknown>,
): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await attempt;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal, but the command succeeded');
}

/** The PostgreSQL error of a refused statement, with the hint our triggers set. */
export async function databaseRefusalOf(
  attempt: Promise<unknown>,
): Promise<{ message: string; code?: string; hint?: string }> {
  return databaseErrorOf(attempt) as Promise<{ message: string; code?: string; hint?: string }>;
}

/** Each account's debit and credit sums straight from journal_lines (as system, no RLS help). */
export async function lineSumsOf(db: Database, cooperativeId: string) {
  const rows = await withSystem(db, 'test sums journal lines', (tx) =>
    queryRows<{ account_id: string; debit: string; credit: string }>(
      tx,
      sql`select account_id,
            coalesce(sum(amount) filter (where side = 'debit'), 0)::text as debit,
            coalesce(sum(amount) filter (where side = 'credit'), 0)::text as credit
          from journal_lines where cooperative_id = ${cooperativeId} group by account_id`,
    ),
  );
  return new Map(
    rows.map((row) => [row.account_id, { debit: BigInt(row.debit), credit: BigInt(row.credit) }]),
  );
}
