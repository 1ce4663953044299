import { findLastPosition, listPenaltyWaivers } from '../loans-day-end.sql.js';
import type { LoanRepaymentRow, LoanRow, LoansReadContext } from '../loans.types.js';
import type { Installment } from '../rules/schedule.js';
import { loanPositionOf, paidTotalsOf, type LoanPosition } from './loan-position.js';
import { accrualBaseOf, penaltyAccruedThrough, penaltyOwedOf } from './penalty-accrual.js';

/**
 * A running loan's position on `asOf` with the penalty the day-end accrued (its last position's
 * total, plus the days since, or since the first due date when no day-end has seen the loan;
 * from the day of the last reschedule when that came later: penalty-accrual.ts accrualBaseOf)
 * less all penalty paid and all penalty waived by reschedules: what a repayment charges, the
 * day-end's auto-debit takes, the loan's detail shows and a reschedule waives.
 */
export async function accruedPositionOf(
  ctx: LoansReadContext,
  loan: Pick<LoanRow, 'id' | 'penaltyBpsPerDay'>,
  schedule: readonly Installment[],
  repayments: readonly LoanRepaymentRow[],
  asOf: string,
): Promise<LoanPosition> {
  const last = await findLastPosition(ctx.tx, ctx.cooperativeId, { loanId: loan.id, asOf });
  const waivers = await listPenaltyWaivers(ctx.tx, ctx.cooperativeId, {
    loanIds: [loan.id],
    through: asOf,
  });
  const waived = waivers.get(loan.id) ?? null;
  const accrued = penaltyAccruedThrough(loan, schedule, repayments, {
    last: accrualBaseOf(last, waived),
    asOf,
  });
  const penaltyDue = penaltyOwedOf({
    accrued,
    paid: paidTotalsOf(repayments).penalty,
    waived: waived?.penaltyWaived ?? 0n,
  });
  return loanPositionOf(schedule, repayments, { asOf, penaltyDue });
}
