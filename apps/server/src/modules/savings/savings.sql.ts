import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import {
  savingsInterestRuns,
  savingsProducts,
  savingsSessionEntries,
  savingsTellerSessions,
} from './savings.schema.js';

export type ProductsRow = typeof savingsProducts.$inferSelect;
export type SessionRow = typeof savingsTellerSessions.$inferSelect;
export type InterestRunRow = typeof savingsInterestRuns.$inferSelect;

// Products ---------------------------------------------------------------------------------------

export async function findProducts(tx: Tx, cooperativeId: string) {
  const [row] = await tx
    .select()
    .from(savingsProducts)
    .where(eq(savingsProducts.cooperativeId, cooperativeId));
  return row ?? null;
}

/** First read of a cooperative's products: a concurrent first read inserts nothing twice. */
export async function insertProductsIfMissing(tx: Tx, row: ProductsRow) {
  await tx.insert(savingsProducts).values(row).onConflictDoNothing();
}

export async function upsertProducts(tx: Tx, row: ProductsRow) {
  const { cooperativeId: _key, ...fields } = row;
  await tx
    .insert(savingsProducts)
    .values(row)
    .onConflictDoUpdate({ target: savingsProducts.cooperativeId, set: fields });
}

/** The AD/ART amounts the cooperative registered with (read-only; the cooperatives module owns them). */
export async function readBylawsAmounts(tx: Tx, cooperativeId: string) {
  const [row] = await queryRows<{ pokok: string | null; wajib: string | null }>(
    tx,
    sql`select bylaws->>'simpananPokokRupiah' as pokok, bylaws->>'simpananWajibMonthlyRupiah' as wajib
        from cooperatives where id = ${cooperativeId}`,
  );
  return row ?? null;
}

// Accounts (read-only views of the ledger's chart) -----------------------------------------------

export async function findAccountIdsByCode(tx: Tx, cooperativeId: string, codes: string[]) {
  const rows = await queryRows<{ id: string; code: string }>(
    tx,
    sql`select id, code from ledger_accounts
        where cooperative_id = ${cooperativeId} and code in ${sql`(${sql.join(
          codes.map((code) => sql`${code}`),
          sql`, `,
        )})`}`,
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

export interface SavingsAccountRow {
  id: string;
  code: string;
  name: string;
  controlCode: string;
  ownerMembershipId: string;
}

/** A member's savings sub-accounts under the given control accounts. */
export async function listMemberSavingsAccounts(
  tx: Tx,
  cooperativeId: string,
  membershipId: string,
): Promise<SavingsAccountRow[]> {
  return queryRows<SavingsAccountRow>(
    tx,
    sql`select a.id, a.code, a.name, p.code as "controlCode", a.owner_membership_id as "ownerMembershipId"
        from ledger_accounts a
        join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
        where a.cooperative_id = ${cooperativeId} and a.owner_membership_id = ${membershipId}
          and a.subledger = 'savings'`,
  );
}

export async function findSavingsAccount(tx: Tx, cooperativeId: string, accountId: string) {
  const [row] = await queryRows<SavingsAccountRow>(
    tx,
    sql`select a.id, a.code, a.name, p.code as "controlCode", a.owner_membership_id as "ownerMembershipId"
        from ledger_accounts a
        join ledger_accounts p on p.cooperative_id = a.cooperative_id and p.id = a.parent_account_id
        where a.cooperative_id = ${cooperativeId} and a.id = ${accountId}
          and a.subledger = 'savings' and a.owner_membership_id is not null`,
  );
  return row ?? null;
}

// Teller sessions --------------------------------------------------------------------------------

/**
 * The teller's open session. Money moves take it `share`d: they may run side by side, and a
 * close (which takes it for `update`) waits for them and they for it, so no entry lands in a
 * session after its count.
 */
export async function findOpenSession(
  tx: Tx,
  cooperativeId: string,
  tellerPersonId: string,
  lock: 'share' | 'update' = 'share',
) {
  const [row] = await tx
    .select()
    .from(savingsTellerSessions)
    .where(
      and(
        eq(savingsTellerSessions.cooperativeId, cooperativeId),
        eq(savingsTellerSessions.tellerPersonId, tellerPersonId),
        isNull(savingsTellerSessions.closedAt),
      ),
    )
    .for(lock);
  return row ?? null;
}

export async function findSession(tx: Tx, cooperativeId: string, sessionId: string) {
  const [row] = await tx
    .select()
    .from(savingsTellerSessions)
    .where(
      and(
        eq(savingsTellerSessions.cooperativeId, cooperativeId),
        eq(savingsTellerSessions.id, sessionId),
      ),
    );
  return row ?? null;
}

/** Inserts an open session; false when the teller already has one (the partial unique index). */
export async function insertSession(tx: Tx, row: typeof savingsTellerSessions.$inferInsert) {
  const inserted = await tx
    .insert(savingsTellerSessions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: savingsTellerSessions.id });
  return inserted.length > 0;
}

export async function markSessionClosed(
  tx: Tx,
  cooperativeId: string,
  sessionId: string,
  fields: {
    closedAt: Date;
    expectedCash: bigint;
    countedCash: bigint;
    differenceEntryId: string | null;
  },
) {
  await tx
    .update(savingsTellerSessions)
    .set(fields)
    .where(
      and(
        eq(savingsTellerSessions.cooperativeId, cooperativeId),
        eq(savingsTellerSessions.id, sessionId),
      ),
    );
}

export async function insertSessionEntry(
  tx: Tx,
  row: { cooperativeId: string; sessionId: string; entryId: string },
) {
  await tx.insert(savingsSessionEntries).values(row).onConflictDoNothing();
}

/** The Kas movements of the entries a session posted (its closing difference entry excluded). */
export async function sumSessionCash(
  tx: Tx,
  cooperativeId: string,
  sessionId: string,
  cashAccountId: string,
) {
  const [row] = await queryRows<{ cash_in: string; cash_out: string; entries: number }>(
    tx,
    sql`select coalesce(sum(l.amount) filter (where l.side = 'debit'), 0)::text as cash_in,
          coalesce(sum(l.amount) filter (where l.side = 'credit'), 0)::text as cash_out,
          count(distinct s.entry_id)::int as entries
        from savings_session_entries s
        left join journal_lines l on l.cooperative_id = s.cooperative_id and l.entry_id = s.entry_id
          and l.account_id = ${cashAccountId}
        where s.cooperative_id = ${cooperativeId} and s.session_id = ${sessionId}`,
  );
  return {
    cashIn: BigInt(row?.cash_in ?? '0'),
    cashOut: BigInt(row?.cash_out ?? '0'),
    transactionCount: row?.entries ?? 0,
  };
}

// Month-end interest -----------------------------------------------------------------------------

/**
 * Every sukarela sub-account's sum of end-of-day balances over a month, in one statement: the
 * opening balance times the month's days, plus each line's signed amount times the days from
 * its date to the month's end (rules/interest.ts computeBalanceDays says the same in code).
 */
export async function sumSukarelaBalanceDays(
  tx: Tx,
  cooperativeId: string,
  input: { controlCode: string; firstDay: string; lastDay: string; days: number },
) {
  const rows = await queryRows<{ account_id: string; membership_id: string; balance_days: string }>(
    tx,
    sql`select a.id as account_id, a.owner_membership_id as membership_id,
          sum(case when l.side = 'credit' then l.amount else -l.amount end
              * case when l.business_date < ${input.firstDay}::date then ${input.days}
                     else (${input.lastDay}::date - l.business_date + 1) end)::text as balance_days
        from ledger_accounts p
        join ledger_accounts a on a.cooperative_id = p.cooperative_id and a.parent_account_id = p.id
        join journal_lines l on l.cooperative_id = a.cooperative_id and l.account_id = a.id
          and l.business_date <= ${input.lastDay}::date
        where p.cooperative_id = ${cooperativeId} and p.code = ${input.controlCode}
        group by a.id, a.owner_membership_id
        order by a.owner_membership_id, a.id`,
  );
  return rows.map((row) => ({
    accountId: row.account_id,
    membershipId: row.membership_id,
    balanceDays: BigInt(row.balance_days),
  }));
}

export async function findInterestRun(tx: Tx, cooperativeId: string, month: string) {
  const [row] = await tx
    .select()
    .from(savingsInterestRuns)
    .where(
      and(
        eq(savingsInterestRuns.cooperativeId, cooperativeId),
        eq(savingsInterestRuns.month, month),
      ),
    );
  return row ?? null;
}

export async function insertInterestRun(tx: Tx, row: InterestRunRow) {
  await tx.insert(savingsInterestRuns).values(row);
}

// Wajib arrears ----------------------------------------------------------------------------------

/** Aktif members with their joining date and simpanan wajib paid up to the end of `asOf`. */
export async function listWajibPaid(
  tx: Tx,
  cooperativeId: string,
  input: { controlCode: string; asOf: string },
) {
  const rows = await queryRows<{
    membership_id: string;
    member_number: string;
    full_name: string;
    joined_on: string;
    paid: string;
  }>(
    tx,
    sql`select m.membership_id, m.member_number, m.full_name, to_char(m.joined_on, 'YYYY-MM-DD') as joined_on,
          coalesce((select sum(case when l.side = 'credit' then l.amount else -l.amount end)
             from ledger_accounts p
             join ledger_accounts a on a.cooperative_id = p.cooperative_id and a.parent_account_id = p.id
             join journal_lines l on l.cooperative_id = a.cooperative_id and l.account_id = a.id
             where p.cooperative_id = m.cooperative_id and p.code = ${input.controlCode}
               and a.owner_membership_id = m.membership_id and l.business_date <= ${input.asOf}::date), 0)::text as paid
        from members m
        where m.cooperative_id = ${cooperativeId} and m.status = 'aktif'
          and m.joined_on is not null and m.joined_on <= ${input.asOf}::date
        order by m.member_number`,
  );
  return rows.map((row) => ({
    membershipId: row.membership_id,
    memberNumber: row.member_number,
    fullName: row.full_name,
    joinedOn: row.joined_on,
    paid: BigInt(row.paid),
  }));
}
