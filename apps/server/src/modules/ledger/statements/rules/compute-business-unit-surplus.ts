import { businessUnits, type BusinessUnit } from '@lumbung/shared/contracts/ledger';
import type { UnitMovementRow } from '../statements.sql.js';

/** One business unit's part of the period's result; `unit: null` is umum (the shared accounts). */
export interface BusinessUnitSurplus {
  unit: BusinessUnit | null;
  revenue: bigint;
  expenses: bigint;
  surplus: bigint;
}

/**
 * The period's revenue, expenses and surplus per business unit: every revenue and expense account
 * counts in its own unit, so the units' surpluses sum exactly to the cooperative's. Units the chart
 * has come in their fixed order (zero when idle), umum last.
 */
export function computeBusinessUnitSurplus(
  movements: readonly UnitMovementRow[],
): BusinessUnitSurplus[] {
  const byUnit = new Map<BusinessUnit | null, BusinessUnitSurplus>();
  for (const movement of movements) {
    const unit = movement.businessUnit;
    const row = byUnit.get(unit) ?? { unit, revenue: 0n, expenses: 0n, surplus: 0n };
    if (movement.class === 'revenue') row.revenue += movement.credit - movement.debit;
    else row.expenses += movement.debit - movement.credit;
    row.surplus = row.revenue - row.expenses;
    byUnit.set(unit, row);
  }
  return [...businessUnits, null].flatMap((unit) => {
    const row = byUnit.get(unit);
    return row ? [row] : [];
  });
}
