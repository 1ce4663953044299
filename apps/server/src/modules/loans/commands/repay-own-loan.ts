import { DomainError } from '../../../platform/domain-error.js';
import type { LoansContext } from '../loans.types.js';
import { getLoan } from '../queries/get-loan.js';
import { repayLoan } from './repay-loan.js';

/**
 * A member repays their own running loan from their simpanan sukarela in the member app (the
 * route checked the transaction PIN first, as for transfers). The same repayment as at the
 * teller: penalty, then interest, then principal; sukarela never goes below its minimum balance.
 *
 * Refuses: loans.loan_not_found, auth.forbidden (another member's loan), loans.not_active,
 * loans.repayment_exceeds_outstanding, savings.insufficient_balance, members.not_active,
 * ledger.period_closed.
 */
export async function repayOwnLoan(
  ctx: LoansContext,
  input: { loanId: string; membershipId: string; amount: bigint },
) {
  const loan = await getLoan(ctx, input.loanId);
  // A member's savings pay only their own loan: paying another's is a transfer, not this.
  if (loan.membershipId !== input.membershipId) throw new DomainError('auth.forbidden');
  return repayLoan(ctx, { loanId: loan.id, channel: 'sukarela', amount: input.amount });
}
