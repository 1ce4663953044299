import { divRoundHalfUp } from '@lumbung/shared/money';
import { daysInMonth, formatIsoDateParts, parseIsoDate, type CivilDate } from './calendar.js';

export type InterestMethod = 'flat' | 'efektif' | 'anuitas';
export type InstallmentFrequency = 'weekly' | 'monthly';

export const interestMethods: readonly InterestMethod[] = ['flat', 'efektif', 'anuitas'];
export const installmentFrequencies: readonly InstallmentFrequency[] = ['weekly', 'monthly'];

/** Highest accepted rate: 10,000 bps (100%) a month; anything above is a typing mistake. */
export const maxInterestRateBpsPerMonth = 10_000;
/** Longest accepted tenor: 1,200 installments (100 years monthly, 23 years weekly). */
export const maxInstallments = 1_200;

export interface ScheduleTerms {
  /** Rupiah lent, > 0. */
  principal: bigint;
  /** Contract rate a month in basis points: 100 = 1% a month. */
  interestRateBpsPerMonth: number;
  /** Tenor in installments, >= 1. */
  installments: number;
  method: InterestMethod;
  frequency: InstallmentFrequency;
  /** The first due date is one period later: monthly the same day next month (clamped to the month's end), weekly 7 days later. */
  disbursedOn: string;
  /** The first N installments pay interest only; the principal is spread over the rest. */
  graceInstallments?: number;
}

export interface Installment {
  /** 1-based. */
  number: number;
  dueDate: string;
  principal: bigint;
  interest: bigint;
  total: bigint;
  principalOutstandingAfter: bigint;
}

/** A rate per installment period as an exact fraction of 1, in lowest terms. */
export interface PeriodRate {
  numerator: bigint;
  denominator: bigint;
}

function greatestCommonDivisor(left: bigint, right: bigint): bigint {
  let a = left;
  let b = right;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The exact rate of one installment period: monthly the contract rate (bps / 10,000), weekly the
 * monthly rate × 12 / 52 (bps × 12 / 520,000). Kept as a fraction, never rounded, so a loan
 * quoted at 1% a month costs exactly 12% a year on weekly installments too; the schedule rounds
 * only rupiah amounts.
 */
export function periodRate(
  interestRateBpsPerMonth: number,
  frequency: InstallmentFrequency,
): PeriodRate {
  const bps = BigInt(interestRateBpsPerMonth);
  const numerator = frequency === 'weekly' ? bps * 12n : bps;
  const denominator = frequency === 'weekly' ? 520_000n : 10_000n;
  if (numerator === 0n) return { numerator: 0n, denominator: 1n };
  const divisor = greatestCommonDivisor(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/**
 * The period rate in whole basis points, for display and reports: monthly the contract rate,
 * weekly monthly × 12 / 52 rounded half up (100 bps a month → 23 bps a week, exactly 23.08).
 * The schedule does not use this rounded figure: it uses the exact fraction of `periodRate`.
 */
export function periodRateBps(
  interestRateBpsPerMonth: number,
  frequency: InstallmentFrequency,
): number {
  if (frequency === 'monthly') return interestRateBpsPerMonth;
  return Number(divRoundHalfUp(BigInt(interestRateBpsPerMonth) * 12n, 52n));
}

interface CheckedTerms {
  rate: PeriodRate;
  graceInstallments: number;
  /** Installments that repay principal: the tenor less the grace installments. */
  amortizingInstallments: number;
  disbursedOn: CivilDate;
}

/** Refuses terms no schedule can be built from, with a RangeError that names the field. */
function checkTerms(terms: ScheduleTerms): CheckedTerms {
  const grace = terms.graceInstallments ?? 0;
  if (typeof terms.principal !== 'bigint' || terms.principal <= 0n)
    throw new RangeError(`principal must be a positive bigint of rupiah, got ${terms.principal}`);
  const rate = terms.interestRateBpsPerMonth;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > maxInterestRateBpsPerMonth)
    throw new RangeError(
      `interestRateBpsPerMonth must be a whole number from 0 to ${maxInterestRateBpsPerMonth}, got ${rate}`,
    );
  if (
    !Number.isSafeInteger(terms.installments) ||
    terms.installments < 1 ||
    terms.installments > maxInstallments
  )
    throw new RangeError(
      `installments must be a whole number from 1 to ${maxInstallments}, got ${terms.installments}`,
    );
  if (!interestMethods.includes(terms.method))
    throw new RangeError(`method must be flat, efektif or anuitas, got "${String(terms.method)}"`);
  if (!installmentFrequencies.includes(terms.frequency))
    throw new RangeError(`frequency must be weekly or monthly, got "${String(terms.frequency)}"`);
  if (!Number.isSafeInteger(grace) || grace < 0 || grace >= terms.installments)
    throw new RangeError(
      `graceInstallments must be a whole number from 0 to installments - 1 (${terms.installments - 1}), got ${grace}`,
    );
  return {
    rate: periodRate(rate, terms.frequency),
    graceInstallments: grace,
    amortizingInstallments: terms.installments - grace,
    disbursedOn: parseIsoDate(terms.disbursedOn, 'disbursedOn'),
  };
}

/** A period rate a/b with the doubled terms of the half-up division computed once per loan. */
interface PeriodInterest {
  isZero: boolean;
  twiceNumerator: bigint;
  denominator: bigint;
  twiceDenominator: bigint;
}

function periodInterestOf(rate: PeriodRate): PeriodInterest {
  return {
    isZero: rate.numerator === 0n,
    twiceNumerator: rate.numerator * 2n,
    denominator: rate.denominator,
    twiceDenominator: rate.denominator * 2n,
  };
}

/**
 * Interest of one period on a non-negative `balance`, rounded half up to the rupiah:
 * floor((2·balance·a + b) / 2b) for a rate a/b (divRoundHalfUp without its sign handling, on the
 * hot path of every installment).
 */
function interestOn(balance: bigint, rate: PeriodInterest): bigint {
  if (rate.isZero) return 0n;
  return (balance * rate.twiceNumerator + rate.denominator) / rate.twiceDenominator; // half up
}

/**
 * The constant anuitas installment A = P·i / (1 − (1+i)^−n), rounded half up to the rupiah.
 * With i = a/b exact, A = P·a·(a+b)^n / (b·((a+b)^n − b^n)): whole-number bigint arithmetic with
 * one rounding at the end, so no fixed-point error accumulates in (1+i)^−n however long the tenor.
 * At a zero rate A = P / n, rounded half up.
 */
export function annuityInstallment(
  principal: bigint,
  rate: PeriodRate,
  installments: number,
): bigint {
  const count = BigInt(installments);
  if (rate.numerator === 0n) return divRoundHalfUp(principal, count);
  const growth = (rate.denominator + rate.numerator) ** count;
  const discount = rate.denominator ** count;
  return divRoundHalfUp(
    principal * rate.numerator * growth,
    rate.denominator * (growth - discount),
  );
}

/**
 * The due date of every installment: monthly, the start day in each following month clamped to
 * that month's end (so 31 January gives 28 February, then 31 March); weekly, 7 days later each
 * time. Stepped month by month or week by week, never recomputed from scratch.
 */
function dueDatesOf(start: CivilDate, frequency: InstallmentFrequency, count: number): string[] {
  const dueDates = new Array<string>(count);
  let year = start.year;
  let month = start.month;
  let day = start.day;
  for (let index = 0; index < count; index++) {
    if (frequency === 'monthly') {
      if (month === 12) {
        year += 1;
        month = 1;
      } else month += 1;
      // Every month has 28 days: only a later start day needs the month's length.
      day = start.day > 28 ? Math.min(start.day, daysInMonth(year, month)) : start.day;
    } else {
      day += 7;
      const monthLength = day > 28 ? daysInMonth(year, month) : 28;
      if (day > monthLength) {
        day -= monthLength;
        if (month === 12) {
          year += 1;
          month = 1;
        } else month += 1;
      }
    }
    dueDates[index] = formatIsoDateParts(year, month, day);
  }
  return dueDates;
}

/** What every installment of one loan is computed from, worked out once per loan. */
interface Amortization {
  method: InterestMethod;
  installments: number;
  graceInstallments: number;
  /** P / n over the amortizing installments, rounded down. */
  equalPrincipal: bigint;
  periodInterest: PeriodInterest;
  /** Interest of one period on the whole loan: every flat installment's and every grace one's. */
  flatInterest: bigint;
  /** The anuitas installment A; 0 for the other methods. */
  annuity: bigint;
}

function amortizationOf(terms: ScheduleTerms, checked: CheckedTerms): Amortization {
  const periodInterest = periodInterestOf(checked.rate);
  return {
    method: terms.method,
    installments: terms.installments,
    graceInstallments: checked.graceInstallments,
    equalPrincipal: terms.principal / BigInt(checked.amortizingInstallments), // floor
    periodInterest,
    flatInterest: interestOn(terms.principal, periodInterest),
    annuity:
      terms.method === 'anuitas'
        ? annuityInstallment(terms.principal, checked.rate, checked.amortizingInstallments)
        : 0n,
  };
}

/**
 * The repayment schedule (jadwal angsuran) of a loan.
 *
 * - flat: interest P × i every period; principal P / n.
 * - efektif (menurun): interest outstanding × i; principal P / n.
 * - anuitas: a constant installment A (see `annuityInstallment`); interest outstanding × i,
 *   principal A − interest.
 *
 * Interest is rounded half up to the rupiah; principal shares P / n are rounded down (floor).
 * Grace installments pay interest only and the principal is spread over the remaining ones
 * (for anuitas, A is computed over those). The last installment takes whatever principal is
 * left, so the principals sum to P exactly and the outstanding ends at 0. An anuitas principal
 * share is kept between 0 and the outstanding; with real-world amounts that never binds and every
 * installment but the last is exactly A.
 *
 * Built for speed (bench/benchmarks/loan-schedules.ts): one loop per method with the per-loan
 * amounts worked out once, so an installment costs one bigint operation (flat) to five (anuitas),
 * and due dates come from a table of ISO strings rather than being formatted one by one.
 */
export function buildSchedule(terms: ScheduleTerms): Installment[] {
  const checked = checkTerms(terms);
  const plan = amortizationOf(terms, checked);
  const dueDates = dueDatesOf(checked.disbursedOn, terms.frequency, terms.installments);
  const schedule = new Array<Installment>(terms.installments);
  // Grace installments pay the interest on the whole loan, which is the flat interest.
  const interest = plan.flatInterest;
  for (let number = 1; number <= plan.graceInstallments; number++)
    schedule[number - 1] = installmentOf(number, dueDates, 0n, interest, interest, terms.principal);
  switch (plan.method) {
    case 'flat':
      scheduleFlat(plan, terms.principal, dueDates, schedule);
      break;
    case 'efektif':
      scheduleEfektif(plan, terms.principal, dueDates, schedule);
      break;
    case 'anuitas':
      scheduleAnnuity(plan, terms.principal, dueDates, schedule);
      break;
  }
  return schedule;
}

function installmentOf(
  number: number,
  dueDates: readonly string[],
  principal: bigint,
  interest: bigint,
  total: bigint,
  principalOutstandingAfter: bigint,
): Installment {
  const dueDate = dueDates[number - 1] ?? '';
  return { number, dueDate, principal, interest, total, principalOutstandingAfter };
}

/*
 * The installments after grace, one function per method so each loop is short and does only its
 * own arithmetic. Principal shares P / n (flat, efektif) never exceed the outstanding before the
 * last installment, since the n − 1 shares before it sum to at most P; the last takes the rest.
 */

/** flat: the same principal share and interest every time, so only the outstanding is computed. */
function scheduleFlat(
  plan: Amortization,
  principal: bigint,
  dueDates: readonly string[],
  schedule: Installment[],
): void {
  const share = plan.equalPrincipal;
  const interest = plan.flatInterest;
  const total = share + interest;
  let outstanding = principal;
  for (let number = plan.graceInstallments + 1; number < plan.installments; number++) {
    outstanding -= share;
    schedule[number - 1] = installmentOf(number, dueDates, share, interest, total, outstanding);
  }
  const last = plan.installments;
  schedule[last - 1] = installmentOf(
    last,
    dueDates,
    outstanding,
    interest,
    outstanding + interest,
    0n,
  );
}

/**
 * efektif: interest on the outstanding, floor((2a·outstanding + b) / 2b) for a rate a/b. The
 * outstanding falls by P / n each time, so that numerator falls by the fixed step 2a·P / n.
 */
function scheduleEfektif(
  plan: Amortization,
  principal: bigint,
  dueDates: readonly string[],
  schedule: Installment[],
): void {
  const share = plan.equalPrincipal;
  const { twiceNumerator, denominator, twiceDenominator } = plan.periodInterest;
  let interestNumerator = principal * twiceNumerator + denominator;
  const interestNumeratorStep = share * twiceNumerator;
  let outstanding = principal;
  for (let number = plan.graceInstallments + 1; number < plan.installments; number++) {
    const interest = interestNumerator / twiceDenominator; // half up
    interestNumerator -= interestNumeratorStep;
    outstanding -= share;
    schedule[number - 1] = installmentOf(
      number,
      dueDates,
      share,
      interest,
      share + interest,
      outstanding,
    );
  }
  const last = plan.installments;
  const interest = interestNumerator / twiceDenominator; // half up
  schedule[last - 1] = installmentOf(
    last,
    dueDates,
    outstanding,
    interest,
    outstanding + interest,
    0n,
  );
}

/**
 * anuitas: principal A − interest on the outstanding, kept within 0 and the outstanding; the
 * installment is A itself unless that binds.
 */
function scheduleAnnuity(
  plan: Amortization,
  principal: bigint,
  dueDates: readonly string[],
  schedule: Installment[],
): void {
  let outstanding = principal;
  for (let number = plan.graceInstallments + 1; number < plan.installments; number++) {
    const interest = interestOn(outstanding, plan.periodInterest);
    let share = plan.annuity - interest;
    let total = plan.annuity;
    if (share < 0n || share > outstanding) {
      share = share < 0n ? 0n : outstanding;
      total = share + interest;
    }
    outstanding -= share;
    schedule[number - 1] = installmentOf(number, dueDates, share, interest, total, outstanding);
  }
  const last = plan.installments;
  const interest = interestOn(outstanding, plan.periodInterest);
  schedule[last - 1] = installmentOf(
    last,
    dueDates,
    outstanding,
    interest,
    outstanding + interest,
    0n,
  );
}

/** Only the amount of every installment (`buildSchedule(terms).map(i => i.total)`), without due dates or records. */
export function installmentAmounts(terms: ScheduleTerms): bigint[] {
  const plan = amortizationOf(terms, checkTerms(terms));
  const amounts = new Array<bigint>(terms.installments);
  for (let index = 0; index < plan.graceInstallments; index++) amounts[index] = plan.flatInterest;
  const last = plan.installments - 1;
  let outstanding = terms.principal;
  if (plan.method === 'anuitas') {
    for (let index = plan.graceInstallments; index < last; index++) {
      const interest = interestOn(outstanding, plan.periodInterest);
      let share = plan.annuity - interest;
      amounts[index] = plan.annuity;
      if (share < 0n || share > outstanding) {
        share = share < 0n ? 0n : outstanding;
        amounts[index] = share + interest;
      }
      outstanding -= share;
    }
  } else {
    // As in scheduleEfektif: the interest numerator falls by a fixed step.
    const share = plan.equalPrincipal;
    const equalTotal = share + plan.flatInterest;
    const { twiceNumerator, denominator, twiceDenominator } = plan.periodInterest;
    let interestNumerator = outstanding * twiceNumerator + denominator;
    const interestNumeratorStep = share * twiceNumerator;
    for (let index = plan.graceInstallments; index < last; index++) {
      if (plan.method === 'flat') amounts[index] = equalTotal;
      else {
        amounts[index] = share + interestNumerator / twiceDenominator; // half up
        interestNumerator -= interestNumeratorStep;
      }
    }
    outstanding -= share * BigInt(last - plan.graceInstallments);
  }
  const lastInterest =
    plan.method === 'flat' ? plan.flatInterest : interestOn(outstanding, plan.periodInterest);
  amounts[last] = outstanding + lastInterest;
  return amounts;
}

/**
 * What the first installment asks of the member: `buildSchedule(terms)[0].total`, computed
 * without building the schedule (the baseline of bench/benchmarks/loan-schedules.ts). During a
 * grace period that is the interest alone.
 */
export function firstInstallmentAmount(terms: ScheduleTerms): bigint {
  const checked = checkTerms(terms);
  const interest = interestOn(terms.principal, periodInterestOf(checked.rate));
  if (checked.graceInstallments > 0) return interest;
  if (terms.method === 'anuitas')
    return annuityInstallment(terms.principal, checked.rate, checked.amortizingInstallments);
  const equalPrincipal = terms.principal / BigInt(checked.amortizingInstallments); // floor
  return equalPrincipal + interest;
}

/** Sums of a schedule: what the member repays in all. */
export function summarizeSchedule(schedule: readonly Installment[]): {
  principal: bigint;
  interest: bigint;
  total: bigint;
  lastDueDate: string | undefined;
} {
  let principal = 0n;
  let interest = 0n;
  for (const installment of schedule) {
    principal += installment.principal;
    interest += installment.interest;
  }
  return {
    principal,
    interest,
    total: principal + interest,
    lastDueDate: schedule[schedule.length - 1]?.dueDate,
  };
}
