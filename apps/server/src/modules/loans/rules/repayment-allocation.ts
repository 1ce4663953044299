import { dayNumberOf, parseIsoDate } from './calendar.js';
import type { Installment } from './schedule.js';

export interface AmountsDue {
  penalty: bigint;
  interest: bigint;
  principal: bigint;
}

export interface RepaymentAllocation {
  penalty: bigint;
  interest: bigint;
  principal: bigint;
  /** What is left after everything due is covered: a prepayment or change, the caller decides. */
  excess: bigint;
}

function assertNonNegative(value: bigint, field: string): void {
  if (typeof value !== 'bigint' || value < 0n)
    throw new RangeError(`${field} must be a non-negative bigint of rupiah, got ${value}`);
}

/**
 * Splits a repayment over what is due in the usual order: denda (penalty) first, then interest
 * (jasa), then principal (pokok); what is left is `excess`. The parts always sum to `amount`.
 */
export function allocateRepayment(amount: bigint, due: AmountsDue): RepaymentAllocation {
  assertNonNegative(amount, 'amount');
  assertNonNegative(due.penalty, 'due.penalty');
  assertNonNegative(due.interest, 'due.interest');
  assertNonNegative(due.principal, 'due.principal');
  let left = amount;
  const take = (owed: bigint): bigint => {
    const part = left < owed ? left : owed;
    left -= part;
    return part;
  };
  const penalty = take(due.penalty);
  const interest = take(due.interest);
  const principal = take(due.principal);
  return { penalty, interest, principal, excess: left };
}

export interface InstallmentStatus {
  /** Days since the due date of the oldest installment due before `asOf` and not fully paid; 0 if none. */
  daysPastDue: number;
  /** Principal of installments due before `asOf` not covered by what was paid. */
  overduePrincipal: bigint;
  /** Interest of installments due before `asOf` not covered by what was paid. */
  overdueInterest: bigint;
  /** Installments due before `asOf` and not fully paid. */
  overdueInstallments: number;
  /** The first installment due on or after `asOf` not yet fully paid (undefined when none is left). */
  nextDue?: Installment;
  /** The schedule's principal less the principal paid (never below 0). */
  principalOutstanding: bigint;
  /** Installments whose principal and interest are both fully covered. */
  fullyPaidInstallments: number;
}

/**
 * Where a loan stands on `asOf`, given what the member has paid so far in principal and in interest
 * (payments are applied to installments oldest first, principal and interest each on their own).
 * An installment is overdue from the day after its due date: one due on `asOf` is not yet late,
 * so days past due = `asOf` − the oldest unpaid due date, counted in whole days.
 */
export function installmentStatusAsOf(
  schedule: readonly Installment[],
  paid: { principal: bigint; interest: bigint },
  asOf: string,
): InstallmentStatus {
  assertNonNegative(paid.principal, 'paid.principal');
  assertNonNegative(paid.interest, 'paid.interest');
  const today = dayNumberOf(parseIsoDate(asOf, 'asOf'));
  let principalDue = 0n; // cumulative principal of the installments seen so far
  let interestDue = 0n;
  let daysPastDue = 0;
  let overdueInstallments = 0;
  let fullyPaidInstallments = 0;
  let overduePrincipal = 0n;
  let overdueInterest = 0n;
  let nextDue: Installment | undefined;
  for (const installment of schedule) {
    principalDue += installment.principal;
    interestDue += installment.interest;
    const isFullyPaid = paid.principal >= principalDue && paid.interest >= interestDue;
    if (isFullyPaid) {
      fullyPaidInstallments++;
      continue;
    }
    const dueDay = dayNumberOf(parseIsoDate(installment.dueDate, 'dueDate'));
    if (dueDay < today) {
      if (overdueInstallments === 0) daysPastDue = today - dueDay;
      overdueInstallments++;
      overduePrincipal = positivePart(principalDue - paid.principal);
      overdueInterest = positivePart(interestDue - paid.interest);
    } else if (nextDue === undefined) {
      nextDue = installment;
    }
  }
  const status: InstallmentStatus = {
    daysPastDue,
    overduePrincipal,
    overdueInterest,
    overdueInstallments,
    principalOutstanding: positivePart(principalDue - paid.principal),
    fullyPaidInstallments,
  };
  if (nextDue !== undefined) status.nextDue = nextDue;
  return status;
}

function positivePart(value: bigint): bigint {
  return value > 0n ? value : 0n;
}
