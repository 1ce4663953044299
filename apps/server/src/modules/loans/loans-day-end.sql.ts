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

/** A collectibility band of a scheme with its allowance rate: days past due min..max (null: unbounded). */
export interface StagedBand {
  scheme: 'KSP_2009' | 'OJK_BANK';
  collectibility: string;
  minDaysPastDue: number;
  maxDaysPastDue: number | null;
  rateBps: number;
}

/** What a staged run adds up to (bigint sums as text). */
export interface StagedTotals {
  loan_count: number;
  overdue_loan_count: number;
  total_outstanding: string;
  penalty_accrued: string;
  required_allowance: string;
}

const stageTable = 'loan_day_end_stage';

/**
 * Ages every aktif loan disbursed by `businessDate` in one statement and stages its position in a
 * temporary table (dropped at commit), returning the run's totals; insertStagedPositions writes
 * them once the run row exists. (The run row, which positions reference, needs the totals and the
 * allowance entry first: staging computes the book once without carrying 100,000 rows through
 * the app.) Per loan, all set-based:
 * - aging, the mirror of rules/repayment-allocation installmentStatusAsOf: payments fill the
 *   current schedule's installments oldest first, principal and interest each on its own; one
 *   due on the date is not yet late;
 * - the penalty since the accrual base (penalty-accrual.ts accrualBaseOf: the previous run's
 *   position, or the day of a later reschedule with what was paid or waived by then): a loan
 *   last accrued the day before accrues on what was overdue when the day began; one with no base
 *   or skipped days sums its window's rupiah-days (overdueRupiahDays: the overdue amount is a step
 *   function changing the day after each due date and payment), rounded once (rules/penalty.ts);
 * - the class by the scheme's bands and the allowance at its rate, rounded half up
 *   (rules/collectibility.ts).
 */
export async function stageDayEndPositions(
  tx: Tx,
  cooperativeId: string,
  input: { businessDate: string; previousRunDate: string | null; bands: StagedBand[] },
) {
  const date = input.businessDate;
  const { bands } = input;
  await tx.execute(sql.raw(`drop table if exists pg_temp.${stageTable}`));
  await tx.execute(
    sql.raw(`create temp table ${stageTable} (
      loan_id uuid not null, days_past_due integer not null, collectibility text not null,
      principal_outstanding bigint not null, overdue_principal bigint not null,
      overdue_interest bigint not null, penalty_accrued bigint not null,
      penalty_accrued_total bigint not null, penalty_owed bigint not null,
      required_allowance bigint not null) on commit drop`),
  );
  const [totals] = await queryRows<StagedTotals>(
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
            sum(i.principal) over w as principal_through, sum(i.interest) over w as interest_through,
            first_value(i.due_date) over w as first_due
          from loan_current_installments i join active a on a.id = i.loan_id
          where i.cooperative_id = ${cooperativeId} and i.due_date < ${date}::date
          window w as (partition by i.loan_id order by i.number)
        ), aged as (
          select d.loan_id, max(d.principal_through) as principal_due,
            max(d.interest_through) as interest_due, min(d.first_due) as first_due,
            min(d.due_date) filter (where d.principal_through > coalesce(p.principal, 0)
                                       or d.interest_through > coalesce(p.interest, 0)) as oldest_unpaid
          from due d left join paid p on p.loan_id = d.loan_id
          group by d.loan_id
        ), waived as (
          select r.loan_id, max((r.approved_at at time zone 'UTC')::date) as waived_on,
            sum(r.penalty_waived) as penalty_waived
          from loan_reschedules r
          where r.cooperative_id = ${cooperativeId}
            and (r.approved_at at time zone 'UTC')::date <= ${date}::date
          group by r.loan_id
        ), based as (
          select a.id, a.penalty_bps_per_day, a.collectibility_scheme,
            g.loan_id is not null as has_installments_due, g.first_due,
            coalesce(${date}::date - g.oldest_unpaid, 0) as days_past_due,
            greatest(a.principal - coalesce(p.principal, 0), 0) as principal_outstanding,
            greatest(coalesce(g.principal_due, 0) - coalesce(p.principal, 0), 0) as overdue_principal,
            greatest(coalesce(g.interest_due, 0) - coalesce(p.interest, 0), 0) as overdue_interest,
            greatest(coalesce(g.principal_due, 0) - coalesce(p.principal_before, 0), 0)
              + greatest(coalesce(g.interest_due, 0) - coalesce(p.interest_before, 0), 0)
              as overdue_at_start,
            coalesce(p.penalty, 0) as penalty_paid,
            coalesce(w.penalty_waived, 0) as penalty_waived,
            case when w.loan_id is null or prev.business_date > w.waived_on
                 then prev.business_date else w.waived_on end as base_date,
            case when w.loan_id is null or prev.business_date > w.waived_on
                 then prev.penalty_accrued_total
                 else w.penalty_waived
                   + coalesce((select sum(x.penalty) from loan_repayments x
                               where x.cooperative_id = ${cooperativeId} and x.loan_id = a.id
                                 and x.paid_on <= w.waived_on), 0) end as base_total
          from active a
          left join paid p on p.loan_id = a.id
          left join aged g on g.loan_id = a.id
          left join waived w on w.loan_id = a.id
          left join loan_day_end_positions prev
            on prev.cooperative_id = ${cooperativeId} and prev.loan_id = a.id
           and prev.business_date = ${input.previousRunDate}::date
        ), catch_up as (
          select b.id as loan_id, coalesce(b.base_date, b.first_due) + 1 as start_day
          from based b
          where b.has_installments_due and b.penalty_bps_per_day > 0
            and (b.base_date is null or ${date}::date - b.base_date > 1)
        ), steps as (
          select e.loan_id, e.day, sum(e.principal) as principal, sum(e.interest) as interest
          from (
            select c.loan_id, c.start_day as day, 0 as principal, 0 as interest from catch_up c
            union all
            select i.loan_id, i.due_date + 1, i.principal, i.interest
            from loan_current_installments i join catch_up c on c.loan_id = i.loan_id
            where i.cooperative_id = ${cooperativeId} and i.due_date < ${date}::date
            union all
            select r.loan_id, r.paid_on + 1, -r.principal, -r.interest
            from loan_repayments r join catch_up c on c.loan_id = r.loan_id
            where r.cooperative_id = ${cooperativeId} and r.paid_on < ${date}::date
          ) e
          group by e.loan_id, e.day
        ), segments as (
          select s.loan_id, s.day,
            greatest(sum(s.principal) over w, 0) + greatest(sum(s.interest) over w, 0) as overdue,
            coalesce(lead(s.day) over w, ${date}::date + 1) - s.day as days
          from steps s
          window w as (partition by s.loan_id order by s.day)
        ), caught_up as (
          select s.loan_id, sum(s.overdue * s.days) as rupiah_days
          from segments s join catch_up c on c.loan_id = s.loan_id
          where s.day >= c.start_day and s.day <= ${date}::date
          group by s.loan_id
        ), accrued as (
          select b.*,
            div((case when c.loan_id is not null then coalesce(u.rupiah_days, 0)
                      when b.base_date is null then 0
                      else b.overdue_at_start * (${date}::date - b.base_date) end)
                  * b.penalty_bps_per_day * 2 + 10000, 20000) as penalty_accrued
          from based b
          left join catch_up c on c.loan_id = b.id
          left join caught_up u on u.loan_id = b.id
        ), staged as (
          insert into pg_temp.loan_day_end_stage
          select a.id, a.days_past_due, k.collectibility, a.principal_outstanding,
            a.overdue_principal, a.overdue_interest, a.penalty_accrued,
            coalesce(a.base_total, 0) + a.penalty_accrued,
            greatest(coalesce(a.base_total, 0) + a.penalty_accrued - a.penalty_paid - a.penalty_waived, 0),
            div(a.principal_outstanding * k.rate_bps * 2 + 10000, 20000)
          from accrued a
          left join unnest(${sql.param(bands.map((band) => band.scheme))}::text[],
              ${sql.param(bands.map((band) => band.collectibility))}::text[],
              ${sql.param(bands.map((band) => band.minDaysPastDue))}::int[],
              ${sql.param(bands.map((band) => band.maxDaysPastDue))}::int[],
              ${sql.param(bands.map((band) => band.rateBps))}::int[])
            as k (scheme, collectibility, min_days, max_days, rate_bps)
            on k.scheme = a.collectibility_scheme and a.days_past_due >= k.min_days
           and (k.max_days is null or a.days_past_due <= k.max_days)
          returning days_past_due, principal_outstanding, penalty_accrued, required_allowance
        )
        select count(*)::int as loan_count,
          count(*) filter (where days_past_due > 0)::int as overdue_loan_count,
          coalesce(sum(principal_outstanding), 0)::text as total_outstanding,
          coalesce(sum(penalty_accrued), 0)::text as penalty_accrued,
          coalesce(sum(required_allowance), 0)::text as required_allowance
        from staged`,
  );
  if (!totals) throw new Error('the staging statement returns one row');
  return totals;
}

/** The staged positions of the run, in one statement (the run row exists by then). */
export async function insertStagedPositions(tx: Tx, cooperativeId: string, businessDate: string) {
  await tx.execute(
    sql`insert into loan_day_end_positions (cooperative_id, business_date, loan_id, days_past_due,
          collectibility, principal_outstanding, overdue_principal, overdue_interest,
          penalty_accrued, penalty_accrued_total, penalty_owed, required_allowance)
        select ${cooperativeId}::uuid, ${businessDate}::date, s.*
        from ${sql.raw(`pg_temp.${stageTable}`)} s`,
  );
  await tx.execute(sql.raw(`drop table pg_temp.${stageTable}`));
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
