import {
  computeBusinessUnitSurplus,
  type BusinessUnitSurplus,
} from '../rules/compute-business-unit-surplus.js';
import { readUnitMovements } from '../statements.sql.js';
import type { DatePeriod } from '../statements.types.js';
import type { StatementContext } from './statement-context.js';

/** Revenue, expenses and surplus per business unit over `period` (year-end closing left out). */
export async function getBusinessUnitSurplus(
  ctx: StatementContext,
  period: DatePeriod,
): Promise<BusinessUnitSurplus[]> {
  return computeBusinessUnitSurplus(await readUnitMovements(ctx.tx, ctx.cooperativeId, period));
}
