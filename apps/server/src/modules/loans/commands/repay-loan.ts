import type { LoanChannel, LoansContext } from '../loans.types.js';
import { postLoanRepayment } from './post-loan-repayment.js';

/**
 * A member repays part or all of a running loan in cash at the teller or from their sukarela
 * savings; the amount goes to penalty, then interest, then principal (see postLoanRepayment).
 * Paying everything owed today closes the loan (lunas).
 *
 * Refuses: loans.loan_not_found, loans.not_active, loans.repayment_exceeds_outstanding,
 * savings.session_not_open, savings.insufficient_balance, members.not_active,
 * ledger.period_closed.
 */
export function repayLoan(
  ctx: LoansContext,
  input: { loanId: string; channel: LoanChannel; amount: bigint },
) {
  return postLoanRepayment(ctx, {
    loanId: input.loanId,
    channel: input.channel,
    isPayoff: false,
    amountOf: () => input.amount,
  });
}
