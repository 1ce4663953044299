import { divFloor } from '@lumbung/shared/money';
import { computeInterestTax, daysPerYear } from './interest.js';

const millisecondsPerDay = 86_400_000;

function utcDateOf(isoDate: string): { year: number; monthIndex: number; day: number } {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { year, monthIndex: month - 1, day };
}

function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The maturity date of a term placed on `startDate` for `termMonths`: the same day of the month
 * `termMonths` later, or that month's last day when it is shorter (31 January + 1 month = 28 or
 * 29 February).
 */
export function computeMaturityDate(startDate: string, termMonths: number): string {
  const start = utcDateOf(startDate);
  const lastDayOfTargetMonth = new Date(
    Date.UTC(start.year, start.monthIndex + termMonths + 1, 0),
  ).getUTCDate();
  const day = Math.min(start.day, lastDayOfTargetMonth);
  return isoDateOf(new Date(Date.UTC(start.year, start.monthIndex + termMonths, day)));
}

/** Whole days from `fromDate` to `toDate` (the first day counts, the last does not). */
export function daysBetween(fromDate: string, toDate: string): number {
  const from = utcDateOf(fromDate);
  const to = utcDateOf(toDate);
  return (
    (Date.UTC(to.year, to.monthIndex, to.day) - Date.UTC(from.year, from.monthIndex, from.day)) /
    millisecondsPerDay
  );
}

/**
 * Simple interest (jasa) for a term deposit: principal × rate bps a year × days / (10,000 × 365),
 * rounded down, as sukarela interest is (the member never gets a fraction the coop did not owe).
 */
export function computeTermInterest(input: {
  principal: bigint;
  interestRateBps: number;
  days: number;
}): bigint {
  if (input.principal <= 0n || input.days <= 0) return 0n;
  return divFloor(
    input.principal * BigInt(input.interestRateBps) * BigInt(input.days),
    10_000n * daysPerYear,
  );
}

/**
 * The final income tax (PP 15/2009) to withhold from one maturity's interest, when the member
 * already received `earlierInterest` of term-deposit interest in the same month with
 * `earlierTax` withheld: the month's tax on the total less what was already withheld, so the
 * threshold is tested on the member's month, not on each deposit alone.
 */
export function computeMaturityTax(input: {
  interest: bigint;
  earlierInterest: bigint;
  earlierTax: bigint;
  thresholdRupiah: bigint;
  taxRateBps: number;
}): bigint {
  const monthTax = computeInterestTax({
    memberInterest: input.earlierInterest + input.interest,
    thresholdRupiah: input.thresholdRupiah,
    taxRateBps: input.taxRateBps,
  });
  const tax = monthTax - input.earlierTax;
  return tax > 0n ? tax : 0n;
}

/** The early-break penalty: `earlyBreakPenaltyBps` of the principal, rounded down. */
export function computeEarlyBreakPenalty(input: {
  principal: bigint;
  earlyBreakPenaltyBps: number;
}): bigint {
  return divFloor(input.principal * BigInt(input.earlyBreakPenaltyBps), 10_000n);
}

/** yyyy-mm-dd -> yyyy-mm, the month a tax threshold is tested in. */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}
