import { findLastPosition } from '../loans-day-end.sql.js';
import type { LoanRepaymentRow, LoanRow, LoansReadContext } from '../loans.types.js';
import type { Installment } from '../rules/schedule.js';
import { loanPositionOf, type LoanPosition } from './loan-position.js';
import { penaltyAccruedThrough, withAccruedPenalty } from './penalty-accrual.js';

/**
 * A running loan's position on `asOf` with the penalty the day-end accrued (its last position's
 * total, plus the days since, or since the first due date when no day-end has seen the loan) less
 * all penalty paid: what a repayment charges and the day-end's auto-debit takes.
 */
export async function accruedPositionOf(
  ctx: LoansReadContext,
  loan: LoanRow,
  schedule: readonly Installment[],
  repayments: readonly LoanRepaymentRow[],
  asOf: string,
): Promise<LoanPosition> {
  const last = await findLastPosition(ctx.tx, ctx.cooperativeId, { loanId: loan.id, asOf });
  const accrued = penaltyAccruedThrough(loan, schedule, repayments, { last, asOf });
  return withAccruedPenalty(loanPositionOf(loan, schedule, repayments, asOf), accrued);
}
