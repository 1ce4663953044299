import { and, desc, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import type { PenaltyWaivers } from './commands/penalty-accrual.js';
import { loanDayEndPositions, loanDayEndRuns, loanDayEndSettings } from './loans-day-end.schema.js';

export type LoanDayEndRunRow = typeof loanDayEndRuns.$inferSelect;
export type LoanDayEndPositionRow = typeof loanDayEndPositions.$inferSelect;
export type LoanDayEndSettingsRow = typeof loanDayEndSettings.$inferSelect;

// Runs and settings -------------------------------------------------------------------------------

export async function findDayEndRun(tx: Tx, cooperativeId: string, businessDate: string) {
  const [row] = await tx
    .select()
    .from(loanDayEndRuns)
    .where(
      and(
        eq(loanDayEndRuns.cooperativeId, cooperativeId),
        eq(loanDayEndRuns.businessDate, businessDate),
      ),
    );
  return row ?? null;
}

export async function findLastDayEndRun(tx: Tx, cooperativeId: string) {
  const [row] = await tx
    .select()
    .from(loanDayEndRuns)
    .where(eq(loanDayEndRuns.cooperativeId, cooperativeId))
    .orderBy(desc(loanDayEndRuns.businessDate))
    .limit(1);
  return row ?? null;
}

export async function insertDayEndRun(tx: Tx, row: LoanDayEndRunRow) {
  await tx.insert(loanDayEndRuns).values(row);
}

export async function findDayEndSettings(tx: Tx, cooperativeId: string) {
  const [row] = await tx
    .select()
    .from(loanDayEndSettings)
    .where(eq(loanDayEndSettings.cooperativeId, cooperativeId));
  return row ?? null;
}

export async function upsertDayEndSettings(tx: Tx, row: LoanDayEndSettingsRow) {
  const { cooperativeId: _cooperative, ...fields } = row;
  await tx
    .insert(loanDayEndSettings)
    .values(row)
    .onConflictDoUpdate({ target: [loanDayEndSettings.cooperativeId], set: fields });
}

// Aging ------------------------------------------------------------------------------------------

/** One running loan as of the business date, computed set-based (see agingRowsOf). */
export interface AgingRow {
  loan_id: string;
  collectibility_scheme: 'KSP_2009' | 'OJK_BANK';
  penalty_bps_per_day: number;
  days_past_due: number;
  principal_outstanding: string;
  overdue_principal: string;
  overdue_interest: string;
  /** Overdue when the business date began (payments before it): the day's penalty base. */
  overdue_at_start: string;
  /** Principal and interest of installments due before the business date. */
  has_installments_due: boolean;
  penalty_paid: string;
  last_accrual_date: string | null;
  last_penalty_accrued_total: string | null;
}

/**
 * Every aktif loan disbursed by `businessDate`, aged in one statement: the set-based mirror of
 * rules/repayment-allocation installmentStatusAsOf (payments fill installments oldest first,
 * principal and interest each on its own; an installment due on the date is not yet late), with
 * the previous run's position of the loan for the penalty accrual.
 */
export async function listAgingRows(
  tx: Tx,
  cooperativeId: string,
  input: { businessDate: string; previousRunDate: string | null },
) {
  const date = input.businessDate;
  return queryRows<AgingRow>(
    tx,
    sql`with active as (
          select l.id, l.principal, l.penalty_bps_per_day, l.collectibility_scheme
          from loans l
          where l.cooperative_id = ${cooperativeId} and l.status = 'aktif'
            and l.disbursed_on <= ${date}::date
        ), paid as (
          select r.loan_id, sum(r.principal) as principal, sum(r.interest) as interest,
            sum(r.penalty) as penalty,
            coalesce(sum(r.principal) filter (where r.paid_on < ${date}::date), 0) as principal_before,
            coalesce(sum(r.interest) filter (where r.paid_on < ${date}::date), 0) as interest_before
          from loan_repayments r join active a on a.id = r.loan_id
          where r.cooperative_id = ${cooperativeId} and r.paid_on <= ${date}::date
          group by r.loan_id
        ), due as (
          select i.loan_id, i.due_date,
            sum(i.principal) over w as principal_through, sum(i.interest) over w as interest_through
          from loan_current_installments i join active a on a.id = i.loan_id
          where i.cooperative_id = ${cooperativeId} and i.due_date < ${date}::date
          window w as (partition by i.loan_id order by i.number)
        ), aged as (
          select d.loan_id, max(d.principal_through) as principal_due,
            max(d.interest_through) as interest_due,
            min(d.due_date) filter (where d.principal_through > coalesce(p.principal, 0)
                                       or d.interest_through > coalesce(p.interest, 0)) as oldest_unpaid
          from due d left join paid p on p.loan_id = d.loan_id
          group by d.loan_id
        )
        select a.id as loan_id, a.collectibility_scheme, a.penalty_bps_per_day,
          coalesce(${date}::date - g.oldest_unpaid, 0)::int as days_past_due,
          greatest(a.principal - coalesce(p.principal, 0), 0)::text as principal_outstanding,
          greatest(coalesce(g.principal_due, 0) - coalesce(p.principal, 0), 0)::text as overdue_principal,
          greatest(coalesce(g.interest_due, 0) - coalesce(p.interest, 0), 0)::text as overdue_interest,
          (greatest(coalesce(g.principal_due, 0) - coalesce(p.principal_before, 0), 0)
            + greatest(coalesce(g.interest_due, 0) - coalesce(p.interest_before, 0), 0))::text
            as overdue_at_start,
          (g.loan_id is not null) as has_installments_due,
          coalesce(p.penalty, 0)::text as penalty_paid,
          to_char(prev.business_date, 'YYYY-MM-DD') as last_accrual_date,
          prev.penalty_accrued_total::text as last_penalty_accrued_total
        from active a
        left join paid p on p.loan_id = a.id
        left join aged g on g.loan_id = a.id
        left join loan_day_end_positions prev
          on prev.cooperative_id = ${cooperativeId} and prev.loan_id = a.id
         and prev.business_date = ${input.previousRunDate}::date
        order by a.id`,
  );
}

/** Schedules and repayments of the loans whose accrual must catch up more than one day. */
export async function listSchedulesAndRepayments(tx: Tx, cooperativeId: string, loanIds: string[]) {
  const ids = sql.param(loanIds);
  const installments = await queryRows<{
    loan_id: string;
    number: number;
    due_date: string;
    principal: string;
    interest: string;
    total: string;
    principal_outstanding_after: string;
  }>(
    tx,
    sql`select loan_id, number, to_char(due_date, 'YYYY-MM-DD') as due_date, principal::text,
          interest::text, total::text, principal_outstanding_after::text
        from loan_current_installments
        where cooperative_id = ${cooperativeId} and loan_id = any(${ids}::uuid[])
        order by loan_id, number`,
  );
  const repayments = await queryRows<{
    loan_id: string;
    paid_on: string;
    principal: string;
    interest: string;
  }>(
    tx,
    sql`select loan_id, to_char(paid_on, 'YYYY-MM-DD') as paid_on, principal::text, interest::text
        from loan_repayments
        where cooperative_id = ${cooperativeId} and loan_id = any(${ids}::uuid[])
        order by loan_id, paid_on, id`,
  );
  return { installments, repayments };
}

/** The run's positions in one statement (column arrays through unnest). */
export async function insertDayEndPositions(
  tx: Tx,
  cooperativeId: string,
  businessDate: string,
  columns: {
    loanIds: string[];
    daysPastDue: number[];
    collectibilities: string[];
    principalOutstanding: string[];
    overduePrincipal: string[];
    overdueInterest: string[];
    penaltyAccrued: string[];
    penaltyAccruedTotal: string[];
    penaltyOwed: string[];
    requiredAllowance: string[];
  },
) {
  if (columns.loanIds.length === 0) return;
  await tx.execute(
    sql`insert into loan_day_end_positions (cooperative_id, business_date, loan_id, days_past_due,
          collectibility, principal_outstanding, overdue_principal, overdue_interest,
          penalty_accrued, penalty_accrued_total, penalty_owed, required_allowance)
        select ${cooperativeId}::uuid, ${businessDate}::date, u.*
        from unnest(${sql.param(columns.loanIds)}::uuid[], ${sql.param(columns.daysPastDue)}::int[],
          ${sql.param(columns.collectibilities)}::text[],
          ${sql.param(columns.principalOutstanding)}::bigint[],
          ${sql.param(columns.overduePrincipal)}::bigint[],
          ${sql.param(columns.overdueInterest)}::bigint[],
          ${sql.param(columns.penaltyAccrued)}::bigint[],
          ${sql.param(columns.penaltyAccruedTotal)}::bigint[],
          ${sql.param(columns.penaltyOwed)}::bigint[],
          ${sql.param(columns.requiredAllowance)}::bigint[]) as u`,
  );
}

/** A loan's latest day-end position on or before `asOf` (its accrued penalty), if any. */
export async function findLastPosition(
  tx: Tx,
  cooperativeId: string,
  input: { loanId: string; asOf: string },
) {
  const [row] = await tx
    .select({
      businessDate: loanDayEndPositions.businessDate,
      penaltyAccruedTotal: loanDayEndPositions.penaltyAccruedTotal,
    })
    .from(loanDayEndPositions)
    .where(
      and(
        eq(loanDayEndPositions.cooperativeId, cooperativeId),
        eq(loanDayEndPositions.loanId, input.loanId),
        lte(loanDayEndPositions.businessDate, input.asOf),
      ),
    )
    .orderBy(desc(loanDayEndPositions.businessDate))
    .limit(1);
  return row ?? null;
}

/**
 * Per loan (of `loanIds`) rescheduled on or before `through`: the business date (UTC, as
 * businessDateOf) of its last reschedule, the penalty all its reschedules through then waived,
 * and the penalty paid on or before that date (see penalty-accrual.ts accrualBaseOf).
 */
export async function listPenaltyWaivers(
  tx: Tx,
  cooperativeId: string,
  input: { loanIds: string[]; through: string },
) {
  const waivers = new Map<string, PenaltyWaivers>();
  if (input.loanIds.length === 0) return waivers;
  const rows = await queryRows<{
    loan_id: string;
    waived_on: string;
    penalty_waived: string;
    penalty_paid_through: string;
  }>(
    tx,
    sql`with waived as (
          select r.loan_id, max((r.approved_at at time zone 'UTC')::date) as waived_on,
            sum(r.penalty_waived) as penalty_waived
          from loan_reschedules r
          where r.cooperative_id = ${cooperativeId}
            and r.loan_id = any(${sql.param(input.loanIds)}::uuid[])
            and (r.approved_at at time zone 'UTC')::date <= ${input.through}::date
          group by r.loan_id
        )
        select w.loan_id, to_char(w.waived_on, 'YYYY-MM-DD') as waived_on,
          w.penalty_waived::text,
          coalesce((select sum(p.penalty) from loan_repayments p
                    where p.cooperative_id = ${cooperativeId} and p.loan_id = w.loan_id
                      and p.paid_on <= w.waived_on), 0)::text as penalty_paid_through
        from waived w`,
  );
  for (const row of rows)
    waivers.set(row.loan_id, {
      waivedOn: row.waived_on,
      penaltyWaived: BigInt(row.penalty_waived),
      penaltyPaidThrough: BigInt(row.penalty_paid_through),
    });
  return waivers;
}

/** Aktif auto-debit loans disbursed by the date (few; each is repaid through the repayment path). */
export async function listAutoDebitLoanIds(tx: Tx, cooperativeId: string, businessDate: string) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from loans
        where cooperative_id = ${cooperativeId} and status = 'aktif' and is_auto_debit
          and disbursed_on <= ${businessDate}::date
        order by id`,
  );
  return rows.map((row) => row.id);
}

export async function setLoanAutoDebit(
  tx: Tx,
  cooperativeId: string,
  input: { loanId: string; isAutoDebit: boolean },
) {
  await tx.execute(
    sql`update loans set is_auto_debit = ${input.isAutoDebit}
        where cooperative_id = ${cooperativeId} and id = ${input.loanId}`,
  );
}

// Reports ----------------------------------------------------------------------------------------

export async function listRunPositions(tx: Tx, cooperativeId: string, businessDate: string) {
  return queryRows<{
    days_past_due: number;
    collectibility: string;
    principal_outstanding: string;
    required_allowance: string;
  }>(
    tx,
    sql`select days_past_due, collectibility, principal_outstanding::text,
          required_allowance::text
        from loan_day_end_positions
        where cooperative_id = ${cooperativeId} and business_date = ${businessDate}::date`,
  );
}

/** Overdue loans of a run with their members, most days past due first. */
export async function listCollectionRows(
  tx: Tx,
  cooperativeId: string,
  input: { businessDate: string; minDaysPastDue: number; limit: number },
) {
  return queryRows<{
    loan_id: string;
    product_code: string;
    membership_id: string;
    member_number: string | null;
    full_name: string;
    phone: string | null;
    days_past_due: number;
    collectibility: string;
    collectibility_scheme: 'KSP_2009' | 'OJK_BANK';
    principal_outstanding: string;
    overdue_principal: string;
    overdue_interest: string;
    penalty_owed: string;
  }>(
    tx,
    sql`select p.loan_id, l.product_code, l.membership_id, m.member_number, m.full_name, m.phone,
          p.days_past_due, p.collectibility, l.collectibility_scheme,
          p.principal_outstanding::text, p.overdue_principal::text, p.overdue_interest::text,
          p.penalty_owed::text
        from loan_day_end_positions p
        join loans l on l.cooperative_id = p.cooperative_id and l.id = p.loan_id
        join members m on m.cooperative_id = l.cooperative_id and m.membership_id = l.membership_id
        where p.cooperative_id = ${cooperativeId} and p.business_date = ${input.businessDate}::date
          and p.days_past_due >= ${input.minDaysPastDue} and l.status = 'aktif'
        order by p.days_past_due desc, p.loan_id
        limit ${input.limit}`,
  );
}
