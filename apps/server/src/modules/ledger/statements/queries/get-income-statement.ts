import { computeIncomeStatement } from '../rules/compute-income-statement.js';
import { movementDatesOf } from '../rules/periods.js';
import { readStatementTotalsAt } from '../statements.sql.js';
import type { IncomeStatement, StatementPeriods } from '../statements.types.js';
import type { StatementContext } from './statement-context.js';

/** Laporan Hasil Usaha for the period beside the prior period. */
export async function getIncomeStatement(
  ctx: StatementContext,
  input: { periods: StatementPeriods },
): Promise<IncomeStatement> {
  const totals = await readStatementTotalsAt(
    ctx.tx,
    ctx.cooperativeId,
    movementDatesOf(input.periods),
  );
  return computeIncomeStatement({ ...totals, periods: input.periods });
}
