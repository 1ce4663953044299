import { accruePenalty } from '../rules/penalty.js';
import { installmentStatusAsOf } from '../rules/repayment-allocation.js';
import { civilDateOf, dayNumberOf, formatIsoDate, parseIsoDate } from '../rules/calendar.js';
import type { Installment } from '../rules/schedule.js';
import type { LoanRepaymentRow, LoanRow } from '../loans.types.js';

// Pure (no db, no clock) like loan-position.ts beside it: the denda accrual of one loan, for the
// repayment path, the loan's detail and a reschedule's waiver. The day-end computes the same for
// every loan in one statement (loans-day-end.sql.ts stageDayEndPositions mirrors these functions;
// day-end.test.ts checks they agree), so a repayment charges exactly what the day-end accrued or
// would accrue.
//
// Penalty for a day is on what was overdue when that day began: installments due before the day,
// less what was paid before the day (a payment counts from the next day). So a repayment on day D
// owes the penalty through D, and the day-end of D, which runs after it, accrues day D on the
// same base. Accruals are cumulative per loan (loan_day_end_positions.penalty_accrued_total);
// what a loan owes is that total less all penalty paid and all penalty waived by reschedules.
//
// A reschedule waives the denda owed on its day (loan_reschedules.penalty_waived) and replaces
// the unpaid installments it was accruing on: the new schedule starts clean. So accrual never
// goes back over the days through a reschedule (the current schedule would see them wrongly):
// it continues from the reschedule's day, where everything accrued was paid or waived
// (accrualBaseOf).

type Paid = Pick<LoanRepaymentRow, 'paidOn' | 'principal' | 'interest'>;

const dayOf = (isoDate: string) => dayNumberOf(parseIsoDate(isoDate));
const isoDateOf = (day: number) => formatIsoDate(civilDateOf(day));

/**
 * Σ over the days after `after` (null: since the first due date) through `through` of the amount
 * overdue when each day began: rupiah-days. It changes only the day after a due date or a
 * payment, so it is summed segment by segment with installmentStatusAsOf at each change.
 */
export function overdueRupiahDays(
  schedule: readonly Installment[],
  repayments: readonly Paid[],
  window: { after: string | null; through: string },
): bigint {
  const first = schedule[0];
  if (!first) return 0n;
  const start = (window.after === null ? dayOf(first.dueDate) : dayOf(window.after)) + 1;
  const end = dayOf(window.through);
  if (start > end) return 0n;
  const changes = new Set([start]);
  const addChange = (day: number) => {
    if (day > start && day <= end) changes.add(day);
  };
  for (const installment of schedule) addChange(dayOf(installment.dueDate) + 1);
  for (const repayment of repayments) addChange(dayOf(repayment.paidOn) + 1);
  const days = [...changes].sort((left, right) => left - right);
  let total = 0n;
  days.forEach((day, index) => {
    const next = days[index + 1] ?? end + 1;
    const paid = { principal: 0n, interest: 0n };
    for (const repayment of repayments) {
      if (dayOf(repayment.paidOn) >= day) continue;
      paid.principal += repayment.principal;
      paid.interest += repayment.interest;
    }
    const status = installmentStatusAsOf(schedule, paid, isoDateOf(day));
    total += (status.overduePrincipal + status.overdueInterest) * BigInt(next - day);
  });
  return total;
}

/**
 * The penalty of a window: rules/penalty.ts on the window's rupiah-days for one day (the penalty
 * is simple, linear in amount × days), rounded once.
 */
export function penaltyOfRupiahDays(rupiahDays: bigint, penaltyBpsPerDay: number): bigint {
  return accruePenalty({ overdueAmount: rupiahDays, penaltyBpsPerDay, days: 1 });
}

/** The last day-end's accrual for a loan: cumulative penalty accrued through its date. */
export interface AccruedPenalty {
  businessDate: string;
  penaltyAccruedTotal: bigint;
}

/**
 * What the loan has accrued in penalty through `asOf`: the total accrued through the base's date
 * (the last day-end's, or a later reschedule's: accrualBaseOf) plus the days since it (all days
 * since the first due date when there is no base).
 */
export function penaltyAccruedThrough(
  loan: Pick<LoanRow, 'penaltyBpsPerDay'>,
  schedule: readonly Installment[],
  repayments: readonly Paid[],
  input: { last: AccruedPenalty | null; asOf: string },
): bigint {
  const { last } = input;
  if (last !== null && last.businessDate >= input.asOf) return last.penaltyAccruedTotal;
  const rupiahDays = overdueRupiahDays(schedule, repayments, {
    after: last?.businessDate ?? null,
    through: input.asOf,
  });
  return (last?.penaltyAccruedTotal ?? 0n) + penaltyOfRupiahDays(rupiahDays, loan.penaltyBpsPerDay);
}

/** What a loan's reschedules waived (loan_reschedules.penalty_waived), through a date. */
export interface PenaltyWaivers {
  /** The business date of the loan's last reschedule: the denda owed that day was waived. */
  waivedOn: string;
  /** The penalty waived by all its reschedules through that day. */
  penaltyWaived: bigint;
  /** The penalty paid on or before that day. */
  penaltyPaidThrough: bigint;
}

/**
 * Where a loan's accrual continues from: the last day-end's accrual, unless a reschedule came on
 * or after that day-end's date; then the reschedule's day, with the total accrued through it
 * being everything paid or waived by then (nothing was owed once the reschedule waived it).
 */
export function accrualBaseOf(
  last: AccruedPenalty | null,
  waivers: PenaltyWaivers | null,
): AccruedPenalty | null {
  if (waivers === null || (last !== null && last.businessDate > waivers.waivedOn)) return last;
  return {
    businessDate: waivers.waivedOn,
    penaltyAccruedTotal: waivers.penaltyWaived + waivers.penaltyPaidThrough,
  };
}

/** The denda a loan owes: accrued less paid less waived (never below nothing). */
export function penaltyOwedOf(input: { accrued: bigint; paid: bigint; waived: bigint }): bigint {
  const owed = input.accrued - input.paid - input.waived;
  return owed > 0n ? owed : 0n;
}
