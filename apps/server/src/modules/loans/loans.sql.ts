import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import {
  loanAssessments,
  loanCollateral,
  loanDecisions,
  loanGuarantors,
  loanInstallments,
  loanProducts,
  loanRepayments,
  loanReschedules,
  loans,
} from './loans.schema.js';
import type { LoanProductRow, LoanRepaymentRow, LoanRow, LoanStatus } from './loans.types.js';

export type LoanInstallmentRow = typeof loanInstallments.$inferSelect;
export type LoanDecisionRow = typeof loanDecisions.$inferSelect;
export type LoanAssessmentRow = typeof loanAssessments.$inferSelect;

// Products ---------------------------------------------------------------------------------------

export async function listProductRows(tx: Tx, cooperativeId: string) {
  return tx
    .select()
    .from(loanProducts)
    .where(eq(loanProducts.cooperativeId, cooperativeId))
    .orderBy(asc(loanProducts.code));
}

export async function findProductRow(tx: Tx, cooperativeId: string, code: string) {
  const [row] = await tx
    .select()
    .from(loanProducts)
    .where(and(eq(loanProducts.cooperativeId, cooperativeId), eq(loanProducts.code, code)));
  return row ?? null;
}

export async function upsertProductRow(tx: Tx, row: LoanProductRow) {
  const { cooperativeId: _cooperative, code: _code, ...fields } = row;
  await tx
    .insert(loanProducts)
    .values(row)
    .onConflictDoUpdate({ target: [loanProducts.cooperativeId, loanProducts.code], set: fields });
}

// Reads of the ledger, members and identity (read-only; those modules own the rows) --------------

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

/** The roles a person holds in the cooperative through an aktif membership (none if not). */
export async function findPersonRoles(tx: Tx, cooperativeId: string, personId: string) {
  const [row] = await queryRows<{ roles: string[] }>(
    tx,
    sql`select roles from memberships
        where cooperative_id = ${cooperativeId} and person_id = ${personId} and status = 'aktif'`,
  );
  return row?.roles ?? [];
}

/** What the assessment reads of a member's activity on their own sub-accounts. */
export async function readMemberActivity(
  tx: Tx,
  cooperativeId: string,
  input: { membershipId: string; asOf: string },
) {
  const [row] = await queryRows<{ deposit_months: number; lines_90_days: number }>(
    tx,
    sql`select
          count(distinct date_trunc('month', l.business_date)) filter (
            where a.subledger = 'savings' and l.side = 'credit'
              and l.business_date > ${input.asOf}::date - interval '12 months'
          )::int as deposit_months,
          count(*) filter (where l.business_date > ${input.asOf}::date - 90)::int as lines_90_days
        from ledger_accounts a
        join journal_lines l on l.cooperative_id = a.cooperative_id and l.account_id = a.id
        where a.cooperative_id = ${cooperativeId} and a.owner_membership_id = ${input.membershipId}
          and l.business_date <= ${input.asOf}::date`,
  );
  return {
    savingsMonthsWithDeposit: row?.deposit_months ?? 0,
    transactionsLast90Days: row?.lines_90_days ?? 0,
  };
}

// Loans ------------------------------------------------------------------------------------------

export async function insertLoan(tx: Tx, row: LoanRow) {
  await tx.insert(loans).values(row);
}

export async function insertGuarantors(
  tx: Tx,
  rows: (typeof loanGuarantors.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(loanGuarantors).values(rows);
}

export async function insertCollateral(
  tx: Tx,
  rows: (typeof loanCollateral.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(loanCollateral).values(rows);
}

export async function insertAssessment(tx: Tx, row: LoanAssessmentRow) {
  await tx.insert(loanAssessments).values(row);
}

/** One loan; `lock` takes it for update so two decisions or repayments never interleave. */
export async function findLoanRow(tx: Tx, cooperativeId: string, loanId: string, lock = false) {
  const query = tx
    .select()
    .from(loans)
    .where(and(eq(loans.cooperativeId, cooperativeId), eq(loans.id, loanId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function setLoanFields(
  tx: Tx,
  cooperativeId: string,
  loanId: string,
  fields: Partial<Omit<LoanRow, 'cooperativeId' | 'id'>>,
) {
  await tx
    .update(loans)
    .set(fields)
    .where(and(eq(loans.cooperativeId, cooperativeId), eq(loans.id, loanId)));
}

/** A page of loans in id (application) order, optionally one status or one member. */
export async function listLoanRows(
  tx: Tx,
  cooperativeId: string,
  input: {
    status: LoanStatus | null;
    membershipId: string | null;
    afterId: string | null;
    limit: number;
  },
) {
  return tx
    .select()
    .from(loans)
    .where(
      and(
        eq(loans.cooperativeId, cooperativeId),
        input.status ? eq(loans.status, input.status) : undefined,
        input.membershipId ? eq(loans.membershipId, input.membershipId) : undefined,
        input.afterId ? gt(loans.id, input.afterId) : undefined,
      ),
    )
    .orderBy(asc(loans.id))
    .limit(input.limit);
}

/** Members' numbers and names for a set of loans' members. */
export async function findMemberNames(tx: Tx, cooperativeId: string, membershipIds: string[]) {
  if (membershipIds.length === 0) return new Map<string, { number: string | null; name: string }>();
  const rows = await queryRows<{
    membership_id: string;
    member_number: string | null;
    full_name: string;
  }>(
    tx,
    sql`select membership_id, member_number, full_name from members
        where cooperative_id = ${cooperativeId} and membership_id in ${sql`(${sql.join(
          membershipIds.map((id) => sql`${id}`),
          sql`, `,
        )})`}`,
  );
  return new Map(
    rows.map((row) => [row.membership_id, { number: row.member_number, name: row.full_name }]),
  );
}

/**
 * What a member owes or is about to owe: principal outstanding of running loans plus the
 * amounts of approved loans not yet disbursed (the lending limit counts both).
 */
export async function sumMemberExposure(tx: Tx, cooperativeId: string, membershipId: string) {
  const [row] = await queryRows<{ exposure: string }>(
    tx,
    sql`select coalesce(sum(case when l.status = 'disetujui' then l.principal
                                 else l.principal - coalesce(r.principal, 0) end), 0)::text as exposure
        from loans l
        left join (select loan_id, sum(principal) as principal from loan_repayments
                   where cooperative_id = ${cooperativeId} group by loan_id) r on r.loan_id = l.id
        where l.cooperative_id = ${cooperativeId} and l.membership_id = ${membershipId}
          and l.status in ('disetujui', 'aktif')`,
  );
  return BigInt(row?.exposure ?? '0');
}

// Guarantors, collateral, assessment, decisions --------------------------------------------------

export async function listGuarantors(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanGuarantors)
    .where(and(eq(loanGuarantors.cooperativeId, cooperativeId), eq(loanGuarantors.loanId, loanId)))
    .orderBy(asc(loanGuarantors.position));
}

export async function listCollateral(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanCollateral)
    .where(and(eq(loanCollateral.cooperativeId, cooperativeId), eq(loanCollateral.loanId, loanId)))
    .orderBy(asc(loanCollateral.position));
}

export async function listAssessments(tx: Tx, cooperativeId: string, loanIds: string[]) {
  if (loanIds.length === 0) return [];
  return tx
    .select()
    .from(loanAssessments)
    .where(
      and(
        eq(loanAssessments.cooperativeId, cooperativeId),
        inArray(loanAssessments.loanId, loanIds),
      ),
    );
}

/** Inserts a decision; false when this person already decided on this loan (unique index). */
export async function insertDecision(tx: Tx, row: LoanDecisionRow) {
  const inserted = await tx
    .insert(loanDecisions)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: loanDecisions.id });
  return inserted.length > 0;
}

/** Decisions on a set of loans in the order they were made, with the decider's name. */
export async function listDecisions(tx: Tx, cooperativeId: string, loanIds: string[]) {
  if (loanIds.length === 0) return [];
  return queryRows<LoanDecisionRow & { personName: string }>(
    tx,
    sql`select d.cooperative_id as "cooperativeId", d.id, d.loan_id as "loanId",
          d.person_id as "personId", d.roles, d.decision, d.reason, d.decided_at as "decidedAt",
          coalesce(p.full_name, '') as "personName"
        from loan_decisions d
        left join people p on p.id = d.person_id
        where d.cooperative_id = ${cooperativeId} and d.loan_id in ${sql`(${sql.join(
          loanIds.map((id) => sql`${id}`),
          sql`, `,
        )})`}
        order by d.decided_at, d.id`,
  );
}

// Schedule and repayments ------------------------------------------------------------------------

export async function insertInstallments(
  tx: Tx,
  rows: (typeof loanInstallments.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(loanInstallments).values(rows);
}

/**
 * The loan's current schedule: the installments of its highest schedule version (a reschedule
 * adds a version; the older ones are superseded and read with listSupersededInstallments).
 */
export async function listInstallments(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanInstallments)
    .where(
      and(
        eq(loanInstallments.cooperativeId, cooperativeId),
        eq(loanInstallments.loanId, loanId),
        eq(
          loanInstallments.scheduleVersion,
          sql`(select coalesce(max(v.schedule_version), 1) from loan_installments v
               where v.cooperative_id = ${cooperativeId} and v.loan_id = ${loanId})`,
        ),
      ),
    )
    .orderBy(asc(loanInstallments.number));
}

export async function insertRepayment(tx: Tx, row: LoanRepaymentRow) {
  await tx.insert(loanRepayments).values(row);
}

export async function listRepayments(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanRepayments)
    .where(and(eq(loanRepayments.cooperativeId, cooperativeId), eq(loanRepayments.loanId, loanId)))
    .orderBy(asc(loanRepayments.paidOn), asc(loanRepayments.id));
}

export async function findRepaymentByKey(tx: Tx, cooperativeId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(loanRepayments)
    .where(
      and(
        eq(loanRepayments.cooperativeId, cooperativeId),
        eq(loanRepayments.idempotencyKey, idempotencyKey),
      ),
    );
  return row ?? null;
}

/** A member's earlier loans (running or repaid), newest first, for the assessment. */
export async function listPastLoanRows(tx: Tx, cooperativeId: string, membershipId: string) {
  return tx
    .select()
    .from(loans)
    .where(
      and(
        eq(loans.cooperativeId, cooperativeId),
        eq(loans.membershipId, membershipId),
        inArray(loans.status, ['aktif', 'lunas']),
      ),
    )
    .orderBy(desc(loans.id));
}

// Reschedules ------------------------------------------------------------------------------------

export type LoanRescheduleRow = typeof loanReschedules.$inferSelect;

export async function insertReschedule(tx: Tx, row: LoanRescheduleRow) {
  await tx.insert(loanReschedules).values(row);
}

export async function findRescheduleByKey(tx: Tx, cooperativeId: string, idempotencyKey: string) {
  const [row] = await tx
    .select()
    .from(loanReschedules)
    .where(
      and(
        eq(loanReschedules.cooperativeId, cooperativeId),
        eq(loanReschedules.idempotencyKey, idempotencyKey),
      ),
    );
  return row ?? null;
}

/** A loan's reschedules, oldest first. */
export async function listReschedules(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanReschedules)
    .where(
      and(eq(loanReschedules.cooperativeId, cooperativeId), eq(loanReschedules.loanId, loanId)),
    )
    .orderBy(asc(loanReschedules.scheduleVersion));
}

/** Full names of people (identity owns the rows; read-only). */
export async function findPersonNames(tx: Tx, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await queryRows<{ id: string; full_name: string }>(
    tx,
    sql`select id, full_name from people where id in ${sql`(${sql.join(
      personIds.map((id) => sql`${id}`),
      sql`, `,
    )})`}`,
  );
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

/** Installments of the schedule versions a reschedule replaced (below the current version). */
export async function listSupersededInstallments(tx: Tx, cooperativeId: string, loanId: string) {
  return tx
    .select()
    .from(loanInstallments)
    .where(
      and(
        eq(loanInstallments.cooperativeId, cooperativeId),
        eq(loanInstallments.loanId, loanId),
        sql`${loanInstallments.scheduleVersion} < (select max(v.schedule_version) from loan_installments v
               where v.cooperative_id = ${cooperativeId} and v.loan_id = ${loanId})`,
      ),
    )
    .orderBy(asc(loanInstallments.scheduleVersion), asc(loanInstallments.number));
}

/** A member's running loans, oldest disbursement first (payroll repayments fill them in order). */
export async function listActiveLoanRows(tx: Tx, cooperativeId: string, membershipId: string) {
  return tx
    .select()
    .from(loans)
    .where(
      and(
        eq(loans.cooperativeId, cooperativeId),
        eq(loans.membershipId, membershipId),
        eq(loans.status, 'aktif'),
      ),
    )
    .orderBy(asc(loans.disbursedOn), asc(loans.disbursedAt), asc(loans.id));
}

/** Repayments whose idempotency key starts with `prefix` (one payroll row's per-loan keys). */
export async function listRepaymentsByKeyPrefix(tx: Tx, cooperativeId: string, prefix: string) {
  return tx
    .select()
    .from(loanRepayments)
    .where(
      and(
        eq(loanRepayments.cooperativeId, cooperativeId),
        sql`starts_with(${loanRepayments.idempotencyKey}, ${prefix})`,
      ),
    )
    .orderBy(asc(loanRepayments.id));
}

/**
 * Takes the running loans of these members for update, in id order (loans before the ledger,
 * as every repayment does), so a payroll import never waits for a loan while holding the ledger.
 */
export async function lockActiveLoansOf(tx: Tx, cooperativeId: string, membershipIds: string[]) {
  if (membershipIds.length === 0) return;
  await tx
    .select({ id: loans.id })
    .from(loans)
    .where(
      and(
        eq(loans.cooperativeId, cooperativeId),
        inArray(loans.membershipId, membershipIds),
        eq(loans.status, 'aktif'),
      ),
    )
    .orderBy(asc(loans.id))
    .for('update');
}
