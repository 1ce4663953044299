import { computeBalanceSheet } from '../rules/compute-balance-sheet.js';
import { dayBefore, fiscalYearStartOf } from '../rules/periods.js';
import { readStatementTotalsAt } from '../statements.sql.js';
import type { BalanceSheet, StatementPeriods } from '../statements.types.js';
import type { StatementContext } from './statement-context.js';

/** Laporan Posisi Keuangan at the period's end beside the prior period's end. */
export async function getBalanceSheet(
  ctx: StatementContext,
  input: { periods: StatementPeriods; fiscalYearStartMonth: number },
): Promise<BalanceSheet> {
  const { current, prior } = input.periods;
  const totals = await readStatementTotalsAt(ctx.tx, ctx.cooperativeId, {
    atEnd: current.to,
    atStart: prior.to,
    atFiscalYearStart: dayBefore(fiscalYearStartOf(current.to, input.fiscalYearStartMonth)),
    atPriorFiscalYearStart: dayBefore(fiscalYearStartOf(prior.to, input.fiscalYearStartMonth)),
  });
  return computeBalanceSheet({ ...totals, ...input });
}
