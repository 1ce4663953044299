import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../../platform/db/database.js';
import type { AccountRow } from '../ledger.sql.js';
import type {
  CashFlowActivity,
  CashFlowRow,
  StatementAccountRow,
  StatementPeriods,
} from './statements.types.js';

/** The source type closeFiscalYear posts its entry under (commands/close-fiscal-year.ts). */
export const yearEndCloseSourceType = 'ledger.year_end_close';

/**
 * Every account's totals at the end of each of `asOfDates`, as if no fiscal year had been closed:
 * the maintained balance less the lines dated later, and less every year-end closing entry (and
 * any reversal of one). Closing only moves a year's revenue and expenses into SHU tahun berjalan,
 * so leaving it out keeps a closed month's revenue visible and lets the statements split SHU by
 * fiscal year from the dates alone. One round trip for all dates.
 */
export async function readStatementTotalsAsOf(
  tx: Tx,
  cooperativeId: string,
  asOfDates: readonly string[],
): Promise<Map<string, StatementAccountRow[]>> {
  const dates = [...new Set(asOfDates)];
  const rows = await queryRows<{
    as_of: string;
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
    subledger: AccountRow['subledger'];
    debit_total: bigint | string;
    credit_total: bigint | string;
  }>(
    tx,
    sql`with as_of_dates as (
          select value::date as as_of from jsonb_array_elements_text(${JSON.stringify(dates)}::jsonb)
        ), closing_entries as (
          select c.id from journal_entries c
          where c.cooperative_id = ${cooperativeId} and c.source_type = ${yearEndCloseSourceType}
          union all
          select r.id from journal_entries r
          join journal_entries c on c.cooperative_id = r.cooperative_id and c.id = r.reverses_entry_id
          where r.cooperative_id = ${cooperativeId} and c.source_type = ${yearEndCloseSourceType}
        ), left_out as (
          select d.as_of, l.account_id, l.side, l.amount
          from as_of_dates d
          join journal_lines l on l.cooperative_id = ${cooperativeId} and l.business_date > d.as_of
          where not exists (select 1 from closing_entries c where c.id = l.entry_id)
          union all
          select d.as_of, l.account_id, l.side, l.amount
          from as_of_dates d
          cross join closing_entries c
          join journal_lines l on l.cooperative_id = ${cooperativeId} and l.entry_id = c.id
        ), left_out_totals as (
          select as_of, account_id,
            sum(amount) filter (where side = 'debit') as debit, sum(amount) filter (where side = 'credit') as credit
          from left_out group by as_of, account_id
        )
        select to_char(d.as_of, 'YYYY-MM-DD') as as_of, a.id, a.code, a.name, a.class, a.normal_side, a.report_group,
          a.cash_flow_activity, a.participation, a.parent_account_id, a.is_control, a.is_active, a.subledger,
          b.debit_total - coalesce(x.debit, 0) as debit_total, b.credit_total - coalesce(x.credit, 0) as credit_total
        from as_of_dates d
        cross join ledger_accounts a
        join ledger_balances b on b.cooperative_id = a.cooperative_id and b.account_id = a.id
        left join left_out_totals x on x.as_of = d.as_of and x.account_id = a.id
        where a.cooperative_id = ${cooperativeId}
        order by d.as_of, a.code`,
  );
  const byDate = new Map<string, StatementAccountRow[]>(dates.map((date) => [date, []]));
  for (const row of rows) {
    byDate.get(row.as_of)?.push({
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
      subledger: row.subledger,
      debitTotal: BigInt(row.debit_total),
      creditTotal: BigInt(row.credit_total),
    });
  }
  return byDate;
}

/** readStatementTotalsAsOf for named dates: `{ atEnd: '2026-03-31', … }` → totals by name. */
export async function readStatementTotalsAt<Name extends string>(
  tx: Tx,
  cooperativeId: string,
  dates: Record<Name, string>,
): Promise<Record<Name, StatementAccountRow[]>> {
  const names = Object.keys(dates) as Name[];
  const byDate = await readStatementTotalsAsOf(
    tx,
    cooperativeId,
    names.map((name) => dates[name]),
  );
  return Object.fromEntries(names.map((name) => [name, byDate.get(dates[name]) ?? []])) as Record<
    Name,
    StatementAccountRow[]
  >;
}

/**
 * The cash movements of the period and of the prior period, by activity and counterpart report
 * group, for the direct-method Laporan Arus Kas.
 *
 * The rule: an entry that touches a cash account (cash_flow_activity 'cash') moves cash by the
 * net of its cash lines; its non-cash lines, netted per (activity, report group) as credits less
 * debits, say where that cash came from or went to. Because an entry balances, those nets sum to
 * exactly the entry's net cash movement, so nothing is divided and nothing is rounded. A positive
 * net is an inflow of its activity, a negative one an outflow (a withdrawal of 100 with a fee of
 * 2 is a financing outflow of 100 and an operating inflow of 2). Entries with only cash lines
 * (transfers between kas and bank) have no counterpart and are left out. An account without an
 * activity counts as operating.
 */
export async function readCashFlowRows(
  tx: Tx,
  cooperativeId: string,
  periods: StatementPeriods,
): Promise<CashFlowRow[]> {
  const rows = await queryRows<{
    period: 'current' | 'prior';
    activity: CashFlowActivity;
    report_group: string;
    inflow: bigint | string | null;
    outflow: bigint | string | null;
  }>(
    tx,
    sql`with cash_entries as (
          select distinct l.entry_id,
            case when l.business_date >= ${periods.current.from}::date then 'current' else 'prior' end as period
          from journal_lines l
          join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
          where l.cooperative_id = ${cooperativeId}
            and l.business_date between ${periods.prior.from}::date and ${periods.current.to}::date
            and a.cash_flow_activity = 'cash'
        ), counterparts as (
          select e.period, coalesce(a.cash_flow_activity, 'operating') as activity, a.report_group,
            sum(case when l.side = 'credit' then l.amount else -l.amount end) as net
          from cash_entries e
          join journal_lines l on l.cooperative_id = ${cooperativeId} and l.entry_id = e.entry_id
          join ledger_accounts a on a.cooperative_id = l.cooperative_id and a.id = l.account_id
          where a.cash_flow_activity is distinct from 'cash'
          group by e.entry_id, e.period, coalesce(a.cash_flow_activity, 'operating'), a.report_group
        )
        select period, activity, report_group,
          sum(net) filter (where net > 0) as inflow, -sum(net) filter (where net < 0) as outflow
        from counterparts
        group by period, activity, report_group
        order by period, activity, report_group`,
  );
  return rows.map((row) => ({
    period: row.period,
    activity: row.activity,
    reportGroup: row.report_group,
    inflow: BigInt(row.inflow ?? 0),
    outflow: BigInt(row.outflow ?? 0),
  }));
}

/** Debits and credits of one (class, business unit) of revenue or expense accounts. */
export interface UnitMovementRow {
  class: 'revenue' | 'expense';
  businessUnit: AccountRow['businessUnit'];
  debit: bigint;
  credit: bigint;
}

/**
 * Revenue and expense lines dated in `period`, summed per (class, business unit), year-end closing
 * entries (and reversals of them) left out. Every revenue and expense account of the chart gives a
 * row, so idle units show at zero. Reads each account's lines through journal_lines_account_idx,
 * not the whole journal of the period.
 */
export async function readUnitMovements(
  tx: Tx,
  cooperativeId: string,
  period: { from: string; to: string },
): Promise<UnitMovementRow[]> {
  const rows = await queryRows<{
    class: 'revenue' | 'expense';
    business_unit: AccountRow['businessUnit'];
    debit: bigint | string;
    credit: bigint | string;
  }>(
    tx,
    sql`with closing_entries as (
          select c.id from journal_entries c
          where c.cooperative_id = ${cooperativeId} and c.source_type = ${yearEndCloseSourceType}
          union all
          select r.id from journal_entries r
          join journal_entries c on c.cooperative_id = r.cooperative_id and c.id = r.reverses_entry_id
          where r.cooperative_id = ${cooperativeId} and c.source_type = ${yearEndCloseSourceType}
        )
        select a.class, a.business_unit,
          coalesce(sum(l.amount) filter (where l.side = 'debit'), 0) as debit,
          coalesce(sum(l.amount) filter (where l.side = 'credit'), 0) as credit
        from ledger_accounts a
        left join journal_lines l on l.cooperative_id = a.cooperative_id and l.account_id = a.id
          and l.business_date between ${period.from}::date and ${period.to}::date
          and not exists (select 1 from closing_entries c where c.id = l.entry_id)
        where a.cooperative_id = ${cooperativeId} and a.class in ('revenue', 'expense')
        group by a.class, a.business_unit`,
  );
  return rows.map((row) => ({
    class: row.class,
    businessUnit: row.business_unit,
    debit: BigInt(row.debit),
    credit: BigInt(row.credit),
  }));
}
