import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '../../platform/db/database.js';
import {
  journalEntries,
  journalLines,
  ledgerAccounts,
  ledgerBalances,
  ledgerChainHeads,
  ledgerCheckpoints,
  ledgerHolds,
  ledgerPeriods,
  manualJournalDrafts,
} from './ledger.schema.js';

export type AccountRow = typeof ledgerAccounts.$inferSelect;

/**
 * A PostgreSQL array literal, passed as one text parameter and cast in SQL (`$n::uuid[]`), so a
 * batch of any size is a fixed number of parameters on both drivers. Every element is quoted (a
 * quoted element is never NULL and may hold commas and braces); null is the bare NULL.
 */
function arrayLiteral(values: readonly (string | number | bigint | null)[]): string {
  let text = '{';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (index > 0) text += ',';
    if (value === null || value === undefined) text += 'NULL';
    else if (typeof value === 'string') text += `"${value.replace(/["\\]/g, '\\$&')}"`;
    else text += value.toString();
  }
  return `${text}}`;
}

export async function insertAccounts(tx: Tx, rows: (typeof ledgerAccounts.$inferInsert)[]) {
  if (rows.length === 0) return;
  await tx.insert(ledgerAccounts).values(rows);
  await tx
    .insert(ledgerBalances)
    .values(rows.map((row) => ({ cooperativeId: row.cooperativeId, accountId: row.id })));
}

export async function insertChainHead(tx: Tx, cooperativeId: string, genesisHash: string) {
  await tx
    .insert(ledgerChainHeads)
    .values({ cooperativeId, lastHash: genesisHash })
    .onConflictDoNothing();
}

export async function findAccountRow(tx: Tx, cooperativeId: string, accountId: string) {
  const [row] = await tx
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.cooperativeId, cooperativeId), eq(ledgerAccounts.id, accountId)));
  return row ?? null;
}

export async function findAccountByCode(tx: Tx, cooperativeId: string, code: string) {
  const [row] = await tx
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.cooperativeId, cooperativeId), eq(ledgerAccounts.code, code)));
  return row ?? null;
}

/** A member's sub-account under the control account `controlCode`, found in one round trip. */
export async function findSubAccountByControlCode(
  tx: Tx,
  cooperativeId: string,
  controlCode: string,
  ownerMembershipId: string,
) {
  const control = alias(ledgerAccounts, 'control');
  const [row] = await tx
    .select({ account: ledgerAccounts })
    .from(ledgerAccounts)
    .innerJoin(
      control,
      and(
        eq(control.cooperativeId, ledgerAccounts.cooperativeId),
        eq(control.id, ledgerAccounts.parentAccountId),
      ),
    )
    .where(
      and(
        eq(ledgerAccounts.cooperativeId, cooperativeId),
        eq(control.code, controlCode),
        eq(ledgerAccounts.ownerMembershipId, ownerMembershipId),
      ),
    );
  return row?.account ?? null;
}

/** An account with its balance row, in one round trip. */
export async function findAccountWithBalance(tx: Tx, cooperativeId: string, accountId: string) {
  const [row] = await tx
    .select({ account: ledgerAccounts, balance: ledgerBalances })
    .from(ledgerAccounts)
    .innerJoin(
      ledgerBalances,
      and(
        eq(ledgerBalances.cooperativeId, ledgerAccounts.cooperativeId),
        eq(ledgerBalances.accountId, ledgerAccounts.id),
      ),
    )
    .where(and(eq(ledgerAccounts.cooperativeId, cooperativeId), eq(ledgerAccounts.id, accountId)));
  return row ?? null;
}

export async function findSubAccount(
  tx: Tx,
  cooperativeId: string,
  parentAccountId: string,
  ownerMembershipId: string,
) {
  const [row] = await tx
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.cooperativeId, cooperativeId),
        eq(ledgerAccounts.parentAccountId, parentAccountId),
        eq(ledgerAccounts.ownerMembershipId, ownerMembershipId),
      ),
    );
  return row ?? null;
}

export async function countSubAccounts(tx: Tx, cooperativeId: string, parentAccountId: string) {
  const [row] = await queryRows<{ count: number }>(
    tx,
    sql`select count(*)::int as count from ledger_accounts where cooperative_id = ${cooperativeId} and parent_account_id = ${parentAccountId}`,
  );
  return row?.count ?? 0;
}

export async function setAccountFields(
  tx: Tx,
  cooperativeId: string,
  accountId: string,
  fields: Partial<Pick<AccountRow, 'name' | 'isActive'>>,
) {
  await tx
    .update(ledgerAccounts)
    .set(fields)
    .where(and(eq(ledgerAccounts.cooperativeId, cooperativeId), eq(ledgerAccounts.id, accountId)));
}

/** The chart with current balances (sub-accounts included; callers roll them up). */
export async function listAccountsWithBalances(tx: Tx, cooperativeId: string) {
  return tx
    .select({
      account: ledgerAccounts,
      debitTotal: ledgerBalances.debitTotal,
      creditTotal: ledgerBalances.creditTotal,
      pendingDebit: ledgerBalances.pendingDebit,
      pendingCredit: ledgerBalances.pendingCredit,
      lineCount: ledgerBalances.lineCount,
    })
    .from(ledgerAccounts)
    .innerJoin(
      ledgerBalances,
      and(
        eq(ledgerBalances.cooperativeId, ledgerAccounts.cooperativeId),
        eq(ledgerBalances.accountId, ledgerAccounts.id),
      ),
    )
    .where(eq(ledgerAccounts.cooperativeId, cooperativeId))
    .orderBy(asc(ledgerAccounts.code));
}

export interface ChainHead {
  lastSequence: number;
  lastHash: string;
}

/** Locks the cooperative's chain head: postings in one cooperative take their turn here. */
export async function lockChainHead(tx: Tx, cooperativeId: string): Promise<ChainHead | null> {
  const [row] = await queryRows<{ last_sequence: string | number; last_hash: string }>(
    tx,
    sql`select last_sequence, last_hash from ledger_chain_heads where cooperative_id = ${cooperativeId} for update`,
  );
  return row ? { lastSequence: Number(row.last_sequence), lastHash: row.last_hash } : null;
}

export interface PostingState {
  /** `ownerMembershipId`: the member whose sub-account it is (each entry's member party). */
  accounts: {
    id: string;
    code: string;
    isActive: boolean;
    isControl: boolean;
    ownerMembershipId: string | null;
  }[];
  closedPeriods: string[];
  existing: {
    id: string;
    idempotencyKey: string;
    contentHash: string;
    sequence: number;
    businessDate: string;
    hash: string;
    prevHash: string;
    totalAmount: string;
  }[];
}

/** Everything posting must know about a batch, in one round trip. */
export async function readPostingState(
  tx: Tx,
  cooperativeId: string,
  input: { accountIds: string[]; periodMonths: string[]; idempotencyKeys: string[] },
): Promise<PostingState> {
  const [row] = await queryRows<{
    accounts: PostingState['accounts'] | null;
    closed: string[] | null;
    existing: PostingState['existing'] | null;
  }>(
    tx,
    sql`select
      (select json_agg(json_build_object('id', id, 'code', code, 'isActive', is_active, 'isControl', is_control,
              'ownerMembershipId', owner_membership_id))
         from ledger_accounts where cooperative_id = ${cooperativeId}
         and id = any(${arrayLiteral(input.accountIds)}::uuid[])) as accounts,
      (select json_agg(to_char(period_month, 'YYYY-MM-DD')) from ledger_periods where cooperative_id = ${cooperativeId}
         and period_month = any(${arrayLiteral(input.periodMonths)}::date[])) as closed,
      (select json_agg(json_build_object('id', id, 'idempotencyKey', idempotency_key, 'contentHash', content_hash,
              'sequence', sequence, 'businessDate', to_char(business_date, 'YYYY-MM-DD'), 'hash', hash, 'prevHash', prev_hash,
              'totalAmount', total_amount::text))
         from journal_entries where cooperative_id = ${cooperativeId}
         and idempotency_key = any(${arrayLiteral(input.idempotencyKeys)}::text[])) as existing`,
  );
  return {
    accounts: row?.accounts ?? [],
    closedPeriods: row?.closed ?? [],
    existing: row?.existing ?? [],
  };
}

export interface EntryRow {
  id: string;
  sequence: number;
  businessDate: string;
  postedAt: Date;
  sourceType: string;
  sourceId: string;
  memo: string;
  idempotencyKey: string;
  reversesEntryId: string | null;
  postedBy: string | null;
  approvedBy: string | null;
  totalAmount: bigint;
  contentHash: string;
  prevHash: string;
  hash: string;
}

export interface LineRow {
  entryId: string;
  lineNumber: number;
  accountId: string;
  side: 'debit' | 'credit';
  amount: bigint;
  businessDate: string;
  sequence: number;
  memo: string | null;
  /** The entry's member party, the same on each of its lines (migration 0025). */
  partyMembershipId: string | null;
}

/**
 * Writes a batch of entries, their lines, the balance deltas (summed per account, in account
 * order so concurrent postings lock rows in the same order) and the new chain head, in one
 * statement. Columns travel as typed arrays through unnest (parsed by array_in, not by a JSON
 * parser building a jsonb document first). The deferred trigger re-checks each entry's balance at
 * commit.
 */
export async function writeEntries(
  tx: Tx,
  cooperativeId: string,
  batch: { entries: EntryRow[]; lines: LineRow[]; head: ChainHead; debitTotal: bigint },
) {
  const deltas = new Map<string, { debit: bigint; credit: bigint; count: number }>();
  for (const line of batch.lines) {
    let delta = deltas.get(line.accountId);
    if (!delta) {
      delta = { debit: 0n, credit: 0n, count: 0 };
      deltas.set(line.accountId, delta);
    }
    if (line.side === 'debit') delta.debit += line.amount;
    else delta.credit += line.amount;
    delta.count += 1;
  }
  const balances = [...deltas.entries()].sort(([left], [right]) => (left < right ? -1 : 1));
  const { entries, lines } = batch;
  const entryColumn = <Value extends string | number | bigint | null>(
    of: (entry: EntryRow) => Value,
  ) => arrayLiteral(entries.map(of));
  const lineColumn = <Value extends string | number | bigint | null>(
    of: (line: LineRow) => Value,
  ) => arrayLiteral(lines.map(of));
  await tx.execute(sql`
    with new_entries as (
      insert into journal_entries (cooperative_id, id, sequence, business_date, posted_at, source_type, source_id, memo,
        idempotency_key, reverses_entry_id, posted_by, approved_by, total_amount, content_hash, prev_hash, hash)
      select ${cooperativeId}, e.*
      from unnest(${entryColumn((entry) => entry.id)}::uuid[], ${entryColumn((entry) => entry.sequence)}::bigint[],
        ${entryColumn((entry) => entry.businessDate)}::date[], ${entryColumn((entry) => entry.postedAt.toISOString())}::timestamptz[],
        ${entryColumn((entry) => entry.sourceType)}::text[], ${entryColumn((entry) => entry.sourceId)}::text[],
        ${entryColumn((entry) => entry.memo)}::text[], ${entryColumn((entry) => entry.idempotencyKey)}::text[],
        ${entryColumn((entry) => entry.reversesEntryId)}::uuid[], ${entryColumn((entry) => entry.postedBy)}::uuid[],
        ${entryColumn((entry) => entry.approvedBy)}::uuid[], ${entryColumn((entry) => entry.totalAmount)}::bigint[],
        ${entryColumn((entry) => entry.contentHash)}::text[], ${entryColumn((entry) => entry.prevHash)}::text[],
        ${entryColumn((entry) => entry.hash)}::text[]) as e
      returning 1
    ), new_lines as (
      insert into journal_lines (cooperative_id, entry_id, line_number, account_id, side, amount, business_date, sequence, memo,
        party_membership_id)
      select ${cooperativeId}, l.*
      from unnest(${lineColumn((line) => line.entryId)}::uuid[], ${lineColumn((line) => line.lineNumber)}::smallint[],
        ${lineColumn((line) => line.accountId)}::uuid[], ${lineColumn((line) => line.side)}::text[],
        ${lineColumn((line) => line.amount)}::bigint[], ${lineColumn((line) => line.businessDate)}::date[],
        ${lineColumn((line) => line.sequence)}::bigint[], ${lineColumn((line) => line.memo)}::text[],
        ${lineColumn((line) => line.partyMembershipId)}::uuid[]) as l
      returning 1
    ), balances as (
      update ledger_balances b set debit_total = b.debit_total + d.debit, credit_total = b.credit_total + d.credit,
        line_count = b.line_count + d.count
      from unnest(${arrayLiteral(balances.map(([accountId]) => accountId))}::uuid[],
        ${arrayLiteral(balances.map(([, delta]) => delta.debit))}::bigint[],
        ${arrayLiteral(balances.map(([, delta]) => delta.credit))}::bigint[],
        ${arrayLiteral(balances.map(([, delta]) => delta.count))}::bigint[]) as d(account_id, debit, credit, count)
      where b.cooperative_id = ${cooperativeId} and b.account_id = d.account_id
      returning 1
    )
    update ledger_chain_heads set last_sequence = ${batch.head.lastSequence}, last_hash = ${batch.head.lastHash},
      debit_total = debit_total + ${batch.debitTotal}
    where cooperative_id = ${cooperativeId}`);
}

export async function findEntryRow(tx: Tx, cooperativeId: string, entryId: string) {
  const [entry] = await tx
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.cooperativeId, cooperativeId), eq(journalEntries.id, entryId)));
  if (!entry) return null;
  const lines = await tx
    .select()
    .from(journalLines)
    .where(and(eq(journalLines.cooperativeId, cooperativeId), eq(journalLines.entryId, entryId)))
    .orderBy(asc(journalLines.lineNumber));
  return { entry, lines };
}

export async function findReversalOf(tx: Tx, cooperativeId: string, entryId: string) {
  const [row] = await tx
    .select({ id: journalEntries.id, idempotencyKey: journalEntries.idempotencyKey })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.cooperativeId, cooperativeId),
        eq(journalEntries.reversesEntryId, entryId),
      ),
    );
  return row ?? null;
}

export async function insertClosedPeriod(tx: Tx, row: typeof ledgerPeriods.$inferInsert) {
  const inserted = await tx.insert(ledgerPeriods).values(row).onConflictDoNothing().returning();
  return inserted.length > 0;
}

export async function listClosedPeriods(tx: Tx, cooperativeId: string) {
  return tx
    .select()
    .from(ledgerPeriods)
    .where(eq(ledgerPeriods.cooperativeId, cooperativeId))
    .orderBy(desc(ledgerPeriods.periodMonth));
}

export async function insertHold(tx: Tx, row: typeof ledgerHolds.$inferInsert) {
  await tx.insert(ledgerHolds).values(row);
  const pending =
    row.side === 'debit'
      ? sql`pending_debit = pending_debit + ${row.amount}`
      : sql`pending_credit = pending_credit + ${row.amount}`;
  await tx.execute(
    sql`update ledger_balances set ${pending} where cooperative_id = ${row.cooperativeId} and account_id = ${row.accountId}`,
  );
}

export async function findHoldRow(tx: Tx, cooperativeId: string, holdId: string, lock = false) {
  const query = tx
    .select()
    .from(ledgerHolds)
    .where(and(eq(ledgerHolds.cooperativeId, cooperativeId), eq(ledgerHolds.id, holdId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findHoldByKey(tx: Tx, cooperativeId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(ledgerHolds)
    .where(
      and(
        eq(ledgerHolds.cooperativeId, cooperativeId),
        eq(ledgerHolds.idempotencyKey, idempotencyKey),
      ),
    );
  return row ?? null;
}

export async function resolveHold(
  tx: Tx,
  hold: typeof ledgerHolds.$inferSelect,
  resolution: { status: 'captured' | 'released'; resolvedAt: Date; capturedEntryId: string | null },
) {
  await tx
    .update(ledgerHolds)
    .set(resolution)
    .where(and(eq(ledgerHolds.cooperativeId, hold.cooperativeId), eq(ledgerHolds.id, hold.id)));
  const pending =
    hold.side === 'debit'
      ? sql`pending_debit = pending_debit - ${hold.amount}`
      : sql`pending_credit = pending_credit - ${hold.amount}`;
  await tx.execute(
    sql`update ledger_balances set ${pending} where cooperative_id = ${hold.cooperativeId} and account_id = ${hold.accountId}`,
  );
}

export async function findBalanceRow(tx: Tx, cooperativeId: string, accountId: string) {
  const [row] = await tx
    .select()
    .from(ledgerBalances)
    .where(
      and(eq(ledgerBalances.cooperativeId, cooperativeId), eq(ledgerBalances.accountId, accountId)),
    );
  return row ?? null;
}

/** Locks one account's balance row (for checks of what is available before a hold). */
export async function lockBalance(tx: Tx, cooperativeId: string, accountId: string) {
  const [row] = await tx
    .select()
    .from(ledgerBalances)
    .where(
      and(eq(ledgerBalances.cooperativeId, cooperativeId), eq(ledgerBalances.accountId, accountId)),
    )
    .for('update');
  return row ?? null;
}

export async function insertCheckpoint(tx: Tx, row: typeof ledgerCheckpoints.$inferInsert) {
  await tx.insert(ledgerCheckpoints).values(row).onConflictDoNothing();
}

export async function listCheckpointRows(
  tx: Tx,
  cooperativeId: string,
  limit: number,
  beforeDate: string | null,
) {
  return tx
    .select()
    .from(ledgerCheckpoints)
    .where(
      and(
        eq(ledgerCheckpoints.cooperativeId, cooperativeId),
        beforeDate ? sql`${ledgerCheckpoints.checkpointDate} < ${beforeDate}` : undefined,
      ),
    )
    .orderBy(desc(ledgerCheckpoints.checkpointDate))
    .limit(limit);
}

export async function findCheckpointRow(tx: Tx, cooperativeId: string, checkpointDate: string) {
  const [row] = await tx
    .select()
    .from(ledgerCheckpoints)
    .where(
      and(
        eq(ledgerCheckpoints.cooperativeId, cooperativeId),
        eq(ledgerCheckpoints.checkpointDate, checkpointDate),
      ),
    );
  return row ?? null;
}

export async function readChainSummary(tx: Tx, cooperativeId: string) {
  const [row] = await queryRows<{
    last_sequence: string | number;
    last_hash: string;
    debit_total: bigint | string;
  }>(
    tx,
    sql`select last_sequence, last_hash, debit_total from ledger_chain_heads where cooperative_id = ${cooperativeId}`,
  );
  return row
    ? {
        lastSequence: Number(row.last_sequence),
        lastHash: row.last_hash,
        debitTotal: BigInt(row.debit_total),
      }
    : null;
}

export async function insertManualJournal(tx: Tx, row: typeof manualJournalDrafts.$inferInsert) {
  await tx.insert(manualJournalDrafts).values(row);
}

export async function findManualJournal(tx: Tx, cooperativeId: string, id: string) {
  const [row] = await tx
    .select()
    .from(manualJournalDrafts)
    .where(
      and(eq(manualJournalDrafts.cooperativeId, cooperativeId), eq(manualJournalDrafts.id, id)),
    )
    .for('update');
  return row ?? null;
}

export async function decideManualJournal(
  tx: Tx,
  cooperativeId: string,
  id: string,
  decision: Pick<
    typeof manualJournalDrafts.$inferInsert,
    'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'entryId'
  >,
) {
  await tx
    .update(manualJournalDrafts)
    .set(decision)
    .where(
      and(eq(manualJournalDrafts.cooperativeId, cooperativeId), eq(manualJournalDrafts.id, id)),
    );
}

export async function listManualJournals(tx: Tx, cooperativeId: string, status: string | null) {
  return tx
    .select()
    .from(manualJournalDrafts)
    .where(
      and(
        eq(manualJournalDrafts.cooperativeId, cooperativeId),
        status ? eq(manualJournalDrafts.status, status as 'approved') : undefined,
      ),
    )
    .orderBy(desc(manualJournalDrafts.preparedAt))
    .limit(200);
}

export interface AccountTotalsRow {
  id: string;
  code: string;
  name: string;
  class: AccountRow['class'];
  normalSide: AccountRow['normalSide'];
  reportGroup: string;
  cashFlowActivity: AccountRow['cashFlowActivity'];
  participation: AccountRow['participation'];
  parentAccountId: string | null;
  isControl: boolean;
  isActive: boolean;
  debitTotal: bigint;
  creditTotal: bigint;
}

/**
 * Every account's totals as of the end of `asOf`: the maintained balance less the lines dated
 * later. Reports on recent dates read O(accounts + later lines), not every line of the books.
 */
export async function readAccountTotalsAsOf(
  tx: Tx,
  cooperativeId: string,
  asOf: string,
): Promise<AccountTotalsRow[]> {
  const rows = await queryRows<{
    id: string;
    code: string;
    name: string;
    class: AccountRow['class'];
    normal_side: AccountRow['normalSide'];
    report_group: string;
    cash_flow_activity: AccountRow['cashFlowActivity'];
    participation: AccountRow['participation'];
    parent_account_id: string | null;
    is_control: boolean;
    is_active: boolean;
    debit_total: bigint | string;
    credit_total: bigint | string;
  }>(
    tx,
    sql`select a.id, a.code, a.name, a.class, a.normal_side, a.report_group, a.cash_flow_activity, a.participation,
          a.parent_account_id, a.is_control, a.is_active,
          b.debit_total - coalesce(later.debit, 0) as debit_total, b.credit_total - coalesce(later.credit, 0) as credit_total
        from ledger_accounts a
        join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
        left join (
          select account_id, sum(amount) filter (where side = 'debit') as debit, sum(amount) filter (where side = 'credit') as credit
          from journal_lines where cooperative_id = ${cooperativeId} and business_date > ${asOf}
          group by account_id
        ) later on later.account_id = a.id
        where a.cooperative_id = ${cooperativeId}
        order by a.code`,
  );
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    class: row.class,
    normalSide: row.normal_side,
    reportGroup: row.report_group,
    cashFlowActivity: row.cash_flow_activity,
    participation: row.participation,
    parentAccountId: row.parent_account_id,
    isControl: row.is_control,
    isActive: row.is_active,
    debitTotal: BigInt(row.debit_total),
    creditTotal: BigInt(row.credit_total),
  }));
}

/** Debit and credit totals of lines on `accountIds` dated up to and including `asOf`. */
export async function sumLinesUpTo(
  tx: Tx,
  cooperativeId: string,
  accountIds: string[],
  asOf: string,
) {
  const [row] = await queryRows<{ debit: bigint | string | null; credit: bigint | string | null }>(
    tx,
    sql`select sum(amount) filter (where side = 'debit') as debit, sum(amount) filter (where side = 'credit') as credit
        from journal_lines where cooperative_id = ${cooperativeId} and business_date <= ${asOf}
        and account_id = any(array(select value::uuid from jsonb_array_elements_text(${JSON.stringify(accountIds)}::jsonb)))`,
  );
  return { debit: BigInt(row?.debit ?? 0), credit: BigInt(row?.credit ?? 0) };
}

/** A page of lines on `accountIds` between two dates, in posting order after `afterSequence`. */
export async function listLinesBetween(
  tx: Tx,
  cooperativeId: string,
  input: {
    accountIds: string[];
    from: string;
    to: string;
    after: { date: string; sequence: number; lineNumber: number };
    limit: number;
  },
) {
  return queryRows<{
    entry_id: string;
    line_number: number;
    account_id: string;
    side: 'debit' | 'credit';
    amount: bigint | string;
    business_date: string;
    sequence: string | number;
    line_memo: string | null;
    memo: string;
    source_type: string;
    source_id: string;
  }>(
    tx,
    sql`select l.entry_id, l.line_number, l.account_id, l.side, l.amount, to_char(l.business_date, 'YYYY-MM-DD') as business_date,
          l.sequence, l.memo as line_memo, e.memo, e.source_type, e.source_id
        from journal_lines l join journal_entries e on e.cooperative_id = l.cooperative_id and e.id = l.entry_id
        where l.cooperative_id = ${cooperativeId}
          and l.account_id = any(array(select value::uuid from jsonb_array_elements_text(${JSON.stringify(input.accountIds)}::jsonb)))
          and l.business_date between ${input.from} and ${input.to}
          and (l.business_date, l.sequence, l.line_number) > (${input.after.date}::date, ${input.after.sequence}::bigint, ${input.after.lineNumber}::int)
        order by l.business_date, l.sequence, l.line_number
        limit ${input.limit}`,
  );
}

/** A page of entries, newest first, optionally filtered by dates and source type. */
export async function listEntryRows(
  tx: Tx,
  cooperativeId: string,
  input: {
    from: string | null;
    to: string | null;
    sourceType: string | null;
    beforeSequence: number | null;
    limit: number;
  },
) {
  return tx
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.cooperativeId, cooperativeId),
        input.from ? sql`${journalEntries.businessDate} >= ${input.from}` : undefined,
        input.to ? sql`${journalEntries.businessDate} <= ${input.to}` : undefined,
        input.sourceType ? eq(journalEntries.sourceType, input.sourceType) : undefined,
        input.beforeSequence !== null
          ? sql`${journalEntries.sequence} < ${input.beforeSequence}`
          : undefined,
      ),
    )
    .orderBy(desc(journalEntries.sequence))
    .limit(input.limit);
}

export async function findEntryBySource(
  tx: Tx,
  cooperativeId: string,
  sourceType: string,
  sourceId: string,
) {
  const [row] = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.cooperativeId, cooperativeId),
        eq(journalEntries.sourceType, sourceType),
        eq(journalEntries.sourceId, sourceId),
      ),
    );
  return row ?? null;
}

/** Sum of each account's lines in a date range (for closing the year and for movements). */
export async function sumLinesByAccountBetween(
  tx: Tx,
  cooperativeId: string,
  from: string,
  to: string,
) {
  const rows = await queryRows<{
    account_id: string;
    debit: bigint | string | null;
    credit: bigint | string | null;
  }>(
    tx,
    sql`select account_id, sum(amount) filter (where side = 'debit') as debit, sum(amount) filter (where side = 'credit') as credit
        from journal_lines where cooperative_id = ${cooperativeId} and business_date between ${from} and ${to}
        group by account_id`,
  );
  return new Map(
    rows.map((row) => [
      row.account_id,
      { debit: BigInt(row.debit ?? 0), credit: BigInt(row.credit ?? 0) },
    ]),
  );
}
