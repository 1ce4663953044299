import { allocateRepayment, installmentStatusAsOf } from '../rules/repayment-allocation.js';
import { daysBetween } from '../rules/calendar.js';
import type { Installment } from '../rules/schedule.js';
import type { LoanInstallmentRow } from '../loans.sql.js';
import type { LoanRepaymentRow } from '../loans.types.js';

// Pure computations over a loan's stored schedule and repayments (no db, no clock: `asOf` is an
// argument). They sit beside the commands because rules/ is owned by the rules work; they can
// move there unchanged.

export function scheduleOf(rows: readonly LoanInstallmentRow[]): Installment[] {
  return rows.map((row) => ({
    number: row.number,
    dueDate: row.dueDate,
    principal: row.principal,
    interest: row.interest,
    total: row.total,
    principalOutstandingAfter: row.principalOutstandingAfter,
  }));
}

export interface PaidTotals {
  principal: bigint;
  interest: bigint;
  penalty: bigint;
}

export function paidTotalsOf(repayments: readonly LoanRepaymentRow[]): PaidTotals {
  return repayments.reduce(
    (sum, row) => ({
      principal: sum.principal + row.principal,
      interest: sum.interest + row.interest,
      penalty: sum.penalty + row.penalty,
    }),
    { principal: 0n, interest: 0n, penalty: 0n },
  );
}

export interface LoanPosition {
  asOf: string;
  paid: PaidTotals;
  principalOutstanding: bigint;
  daysPastDue: number;
  overduePrincipal: bigint;
  overdueInterest: bigint;
  /** Denda owed today: accrued less paid and waived (accrued-position.ts). */
  penaltyDue: bigint;
  /** Interest of installments due on or before `asOf`, not yet paid. */
  interestDue: bigint;
  /** Principal of installments due on or before `asOf`, not yet paid. */
  principalDue: bigint;
  /** Interest of the current period: the first installment due after `asOf`, not yet paid. */
  currentInterest: bigint;
  /** What closes the loan today: penalty, interest due and of the current period, all principal. */
  payoffAmount: bigint;
}

const positivePart = (value: bigint) => (value > 0n ? value : 0n);

/**
 * Where a running loan stands on `asOf`, owing `penaltyDue` in denda (what the day-end accrued
 * less what was paid and waived: accruedPositionOf computes it). An early payoff pays the current
 * period's interest (the installment the member is in) but no later period's.
 */
export function loanPositionOf(
  schedule: readonly Installment[],
  repayments: readonly LoanRepaymentRow[],
  input: { asOf: string; penaltyDue: bigint },
): LoanPosition {
  const { asOf, penaltyDue } = input;
  const paid = paidTotalsOf(repayments);
  const status = installmentStatusAsOf(schedule, paid, asOf);
  let interestThroughToday = 0n;
  let principalThroughToday = 0n;
  let currentPeriodInterest = 0n;
  for (const installment of schedule) {
    if (installment.dueDate > asOf) {
      currentPeriodInterest = installment.interest;
      break;
    }
    interestThroughToday += installment.interest;
    principalThroughToday += installment.principal;
  }
  const interestDue = positivePart(interestThroughToday - paid.interest);
  const currentInterest =
    positivePart(interestThroughToday + currentPeriodInterest - paid.interest) - interestDue;
  return {
    asOf,
    paid,
    principalOutstanding: status.principalOutstanding,
    daysPastDue: status.daysPastDue,
    overduePrincipal: status.overduePrincipal,
    overdueInterest: status.overdueInterest,
    penaltyDue,
    interestDue,
    principalDue: positivePart(principalThroughToday - paid.principal),
    currentInterest,
    payoffAmount: penaltyDue + interestDue + currentInterest + status.principalOutstanding,
  };
}

/**
 * Splits a repayment penalty → interest → principal over what is due today, then over the
 * current period (its interest, then principal ahead of schedule); `excess` is what remains
 * beyond everything owed.
 */
export function allocateOnPosition(position: LoanPosition, amount: bigint) {
  const arrears = allocateRepayment(amount, {
    penalty: position.penaltyDue,
    interest: position.interestDue,
    principal: position.principalDue,
  });
  const ahead = allocateRepayment(arrears.excess, {
    penalty: 0n,
    interest: position.currentInterest,
    principal: position.principalOutstanding - position.principalDue,
  });
  const allocation = {
    penalty: arrears.penalty,
    interest: arrears.interest + ahead.interest,
    principal: arrears.principal + ahead.principal,
    excess: ahead.excess,
  };
  return {
    ...allocation,
    isClosing:
      allocation.principal === position.principalOutstanding &&
      allocation.interest === position.interestDue + position.currentInterest &&
      allocation.penalty === position.penaltyDue,
  };
}

export type InstallmentState = 'paid' | 'partly_paid' | 'due' | 'overdue' | 'upcoming' | 'waived';

/** Each installment with what was paid on it (payments fill installments oldest first). */
export function installmentsWithPayments(
  schedule: readonly Installment[],
  paid: Pick<PaidTotals, 'principal' | 'interest'>,
  input: { asOf: string; isClosed: boolean },
) {
  let principalLeft = paid.principal;
  let interestLeft = paid.interest;
  return schedule.map((installment) => {
    const principalPaid =
      principalLeft < installment.principal ? principalLeft : installment.principal;
    const interestPaid = interestLeft < installment.interest ? interestLeft : installment.interest;
    principalLeft -= principalPaid;
    interestLeft -= interestPaid;
    const isPaid = principalPaid === installment.principal && interestPaid === installment.interest;
    let status: InstallmentState;
    if (isPaid) status = 'paid';
    else if (input.isClosed) status = 'waived';
    else if (installment.dueDate < input.asOf) status = 'overdue';
    else if (installment.dueDate === input.asOf) status = 'due';
    else if (principalPaid > 0n || interestPaid > 0n) status = 'partly_paid';
    else status = 'upcoming';
    return { ...installment, principalPaid, interestPaid, status };
  });
}

/**
 * The most days any installment of a loan was (or still is) paid late: an installment is settled
 * on the first repayment after which the principal and interest paid cover it; a loan paid off
 * early settles the rest on its payoff day.
 */
export function maxDaysLateOf(
  schedule: readonly Installment[],
  repayments: readonly Pick<LoanRepaymentRow, 'paidOn' | 'principal' | 'interest' | 'isPayoff'>[],
  asOf: string,
): number {
  let maxDaysLate = 0;
  let repaymentIndex = 0;
  let principalPaid = 0n;
  let interestPaid = 0n;
  let principalDue = 0n;
  let interestDue = 0n;
  let payoffOn: string | null = null;
  for (const installment of schedule) {
    principalDue += installment.principal;
    interestDue += installment.interest;
    while (
      payoffOn === null &&
      (principalPaid < principalDue || interestPaid < interestDue) &&
      repaymentIndex < repayments.length
    ) {
      const repayment = repayments[repaymentIndex++];
      if (!repayment) break;
      principalPaid += repayment.principal;
      interestPaid += repayment.interest;
      if (repayment.isPayoff) payoffOn = repayment.paidOn;
    }
    const isCovered =
      payoffOn !== null || (principalPaid >= principalDue && interestPaid >= interestDue);
    const settledOn = isCovered
      ? (payoffOn ?? repayments[repaymentIndex - 1]?.paidOn ?? installment.dueDate)
      : asOf;
    const late = daysBetween(installment.dueDate, settledOn);
    if (late > maxDaysLate) maxDaysLate = late;
  }
  return maxDaysLate;
}
