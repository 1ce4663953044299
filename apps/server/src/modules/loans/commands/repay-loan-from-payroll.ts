import { isDomainError } from '../../../platform/domain-error.js';
import type {
  PayrollLoanRepayment,
  PayrollLoanRepayments,
  PayrollRepaymentResult,
} from '../../savings/index.js';
import type { Installment } from '../rules/schedule.js';
import {
  listActiveLoanRows,
  listInstallments,
  listRepayments,
  listRepaymentsByKeyPrefix,
  lockActiveLoansOf,
} from '../loans.sql.js';
import { businessDateOf, type LoanRepaymentRow, type LoansContext } from '../loans.types.js';
import { accruedPositionOf } from './accrued-position.js';
import { scheduleOf, type LoanPosition } from './loan-position.js';
import { postLoanRepayment } from './post-loan-repayment.js';

/** What one running loan asks of a payroll deduction, in the order the deduction fills it. */
export interface PayrollLoanOwed {
  /** Penalty, interest and principal due today. */
  dueToday: bigint;
  /** That plus the next installment not yet due. */
  throughNextInstallment: bigint;
  /** Everything that closes the loan today. */
  payoffAmount: bigint;
}

const positivePart = (value: bigint) => (value > 0n ? value : 0n);
const smaller = (left: bigint, right: bigint) => (left < right ? left : right);

/** Today's position read for the payroll: due today, through the next installment, payoff. */
export function payrollOwedOf(
  position: LoanPosition,
  schedule: readonly Installment[],
): PayrollLoanOwed {
  let principalThroughNext = 0n;
  for (const installment of schedule) {
    principalThroughNext += installment.principal;
    if (installment.dueDate > position.asOf) break;
  }
  const dueToday = position.penaltyDue + position.interestDue + position.principalDue;
  const throughNextInstallment =
    position.penaltyDue +
    position.interestDue +
    position.currentInterest +
    positivePart(principalThroughNext - position.paid.principal);
  return {
    dueToday: smaller(dueToday, position.payoffAmount),
    throughNextInstallment: smaller(throughNextInstallment, position.payoffAmount),
    payoffAmount: position.payoffAmount,
  };
}

/**
 * Splits one payroll angsuran over a member's running loans, oldest first, in three rounds:
 * what each loan has due today, then each loan's next installment, then each loan ahead up to
 * its payoff; so no loan falls behind while an older one is paid ahead. `excess` is what remains
 * beyond every payoff. Pure; the shares and the excess sum to `amount`.
 */
export function splitPayrollRepayment(amount: bigint, owed: readonly PayrollLoanOwed[]) {
  let left = amount;
  const shares = owed.map(() => 0n);
  const rounds = [
    (loan: PayrollLoanOwed) => loan.dueToday,
    (loan: PayrollLoanOwed) => loan.throughNextInstallment,
    (loan: PayrollLoanOwed) => loan.payoffAmount,
  ];
  for (const levelOf of rounds) {
    owed.forEach((loan, index) => {
      const share = shares[index] ?? 0n;
      const more = smaller(left, positivePart(levelOf(loan) - share));
      shares[index] = share + more;
      left -= more;
    });
  }
  return { shares, excess: left };
}

/**
 * A payroll deduction's angsuran repays the member's running loans, oldest disbursement first
 * (splitPayrollRepayment: due today, then the next installment, then ahead), each through postLoanRepayment on the `payroll` channel: Dr Bank
 * 1-1201 (the employer's transfer, as the import's wajib), Cr penalty, interest and principal.
 * Each loan's repayment key is `<idempotencyKey>:<loanId>`, so a row found paid by an earlier
 * import answers already_paid with what it paid then. Refusals are answered, not thrown, and
 * leave nothing behind (a savepoint), so the rest of the import goes on.
 *
 * Answers refused with: loans.payroll_no_active_loan, loans.repayment_exceeds_outstanding, or a
 * refusal of postLoanRepayment (members.not_active, ledger.period_closed, ...).
 */
export async function repayLoanFromPayroll(
  ctx: LoansContext,
  input: { membershipId: string; amount: bigint; idempotencyKey: string },
): Promise<PayrollRepaymentResult> {
  const earlier = await listRepaymentsByKeyPrefix(
    ctx.tx,
    ctx.cooperativeId,
    `loans.repayment:${input.idempotencyKey}:`,
  );
  if (earlier.length > 0) return { status: 'already_paid', loans: earlier.map(paidPartOf) };
  const loans = await listActiveLoanRows(ctx.tx, ctx.cooperativeId, input.membershipId);
  if (loans.length === 0)
    return { status: 'refused', code: 'loans.payroll_no_active_loan', params: {} };
  const asOf = businessDateOf(ctx.now);
  const owed: PayrollLoanOwed[] = [];
  for (const loan of loans) {
    const schedule = scheduleOf(await listInstallments(ctx.tx, ctx.cooperativeId, loan.id));
    const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
    // What each loan owes as its repayment will charge it (accrued denda: accrued-position.ts).
    const position = await accruedPositionOf(ctx, loan, schedule, repayments, asOf);
    owed.push(payrollOwedOf(position, schedule));
  }
  const split = splitPayrollRepayment(input.amount, owed);
  // Money beyond everything owed has no loan to go to: the bendahara returns it to the member.
  if (split.excess > 0n)
    return {
      status: 'refused',
      code: 'loans.repayment_exceeds_outstanding',
      params: { maximum: owed.reduce((sum, loan) => sum + loan.payoffAmount, 0n).toString() },
    };
  try {
    const paid = await ctx.tx.transaction(async () => {
      const parts: PayrollLoanRepayment[] = [];
      for (const [index, loan] of loans.entries()) {
        const share = split.shares[index] ?? 0n;
        if (share === 0n) continue;
        const repayment = await postLoanRepayment(
          { ...ctx, idempotencyKey: `${input.idempotencyKey}:${loan.id}` },
          { loanId: loan.id, channel: 'payroll', isPayoff: false, amountOf: () => share },
        );
        parts.push(paidPartOf(repayment));
      }
      return parts;
    });
    return { status: 'paid', loans: paid };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { status: 'refused', code: error.code, params: stringParamsOf(error.params) };
  }
}

function paidPartOf(
  row: Pick<
    LoanRepaymentRow,
    'id' | 'loanId' | 'entryId' | 'amount' | 'penalty' | 'interest' | 'principal'
  >,
): PayrollLoanRepayment {
  return {
    loanId: row.loanId,
    repaymentId: row.id,
    entryId: row.entryId,
    amount: row.amount,
    penalty: row.penalty,
    interest: row.interest,
    principal: row.principal,
  };
}

function stringParamsOf(params: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([key, value]) => [key, String(value)]),
  );
}

/** The loans module's side of the savings payroll port (app.ts wires it into the import). */
export const payrollLoanRepayments: PayrollLoanRepayments = {
  lockLoansOf: (ctx, input) => lockActiveLoansOf(ctx.tx, ctx.cooperativeId, input.membershipIds),
  repay: (ctx, input) => repayLoanFromPayroll(ctx, input),
};
