import { computeCashFlow } from '../rules/compute-cash-flow.js';
import { movementDatesOf } from '../rules/periods.js';
import { readCashFlowRows, readStatementTotalsAt } from '../statements.sql.js';
import type { CashFlowStatement, StatementPeriods } from '../statements.types.js';
import type { StatementContext } from './statement-context.js';

/** Laporan Arus Kas (direct method) for the period beside the prior period. */
export async function getCashFlow(
  ctx: StatementContext,
  input: { periods: StatementPeriods },
): Promise<CashFlowStatement> {
  const totals = await readStatementTotalsAt(
    ctx.tx,
    ctx.cooperativeId,
    movementDatesOf(input.periods),
  );
  const flows = await readCashFlowRows(ctx.tx, ctx.cooperativeId, input.periods);
  return computeCashFlow({ ...totals, flows, periods: input.periods });
}
