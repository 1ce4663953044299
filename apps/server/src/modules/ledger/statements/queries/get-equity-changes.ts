import { computeEquityChanges } from '../rules/compute-equity-changes.js';
import { movementDatesOf } from '../rules/periods.js';
import { readStatementTotalsAt } from '../statements.sql.js';
import type { EquityChanges, StatementPeriods } from '../statements.types.js';
import type { StatementContext } from './statement-context.js';

/** Laporan Perubahan Ekuitas for the period and the prior period. */
export async function getEquityChanges(
  ctx: StatementContext,
  input: { periods: StatementPeriods },
): Promise<EquityChanges> {
  const totals = await readStatementTotalsAt(
    ctx.tx,
    ctx.cooperativeId,
    movementDatesOf(input.periods),
  );
  return computeEquityChanges({ ...totals, periods: input.periods });
}
