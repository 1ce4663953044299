import type { LoanChannel, LoansContext } from '../loans.types.js';
import { postLoanRepayment } from './post-loan-repayment.js';

/**
 * Early payoff (pelunasan dipercepat): the member pays today's penalty, the interest up to the
 * current period's installment and all remaining principal; the loan becomes lunas and later
 * periods' interest is not owed.
 *
 * Refuses: loans.loan_not_found, loans.not_active, savings.session_not_open,
 * savings.insufficient_balance, members.not_active, ledger.period_closed.
 */
export function payOffLoan(ctx: LoansContext, input: { loanId: string; channel: LoanChannel }) {
  return postLoanRepayment(ctx, {
    loanId: input.loanId,
    channel: input.channel,
    isPayoff: true,
    amountOf: (position) => position.payoffAmount,
  });
}
