import { DomainError } from '../../../platform/domain-error.js';
import { setLoanAutoDebit as storeAutoDebit } from '../loans-day-end.sql.js';
import type { LoansContext } from '../loans.types.js';
import { getLoan } from '../queries/get-loan.js';

/**
 * Turns auto-debit on or off for a running loan: when on, the day-end takes what is due from the
 * member's sukarela (never below its minimum balance).
 *
 * Refuses: loans.loan_not_found, loans.not_active.
 */
export async function setLoanAutoDebit(
  ctx: LoansContext,
  input: { loanId: string; isAutoDebit: boolean },
) {
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  if (loan.status !== 'aktif') throw new DomainError('loans.not_active', { status: loan.status });
  await storeAutoDebit(ctx.tx, ctx.cooperativeId, input);
  return { loanId: loan.id, isAutoDebit: input.isAutoDebit };
}
