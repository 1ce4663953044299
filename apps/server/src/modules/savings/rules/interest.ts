import { divFloor } from '@lumbung/shared/money';

export const daysPerYear = 365n;

/** yyyy-mm -> its first and last day and how many days it has. */
export function monthBounds(month: string): { firstDay: string; lastDay: string; days: number } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { firstDay: `${month}-01`, lastDay: `${month}-${String(days).padStart(2, '0')}`, days };
}

/**
 * The sum of a month's end-of-day balances: the opening balance counts every day, a movement
 * counts from its own date to the month's last day. Mirrors the set-based SQL of savings.sql.ts.
 */
export function computeBalanceDays(input: {
  openingBalance: bigint;
  days: number;
  movements: readonly { dayOfMonth: number; signedAmount: bigint }[];
}): bigint {
  return input.movements.reduce(
    (sum, movement) => sum + movement.signedAmount * BigInt(input.days - movement.dayOfMonth + 1),
    input.openingBalance * BigInt(input.days),
  );
}

/** Interest on the daily balance at `rateBps` a year over 365 days, rounded down (the member never gets a fraction the coop did not owe). */
export function computeDailyBalanceInterest(balanceDays: bigint, rateBps: number): bigint {
  if (balanceDays <= 0n) return 0n;
  return divFloor(balanceDays * BigInt(rateBps), 10_000n * daysPerYear);
}

/**
 * Final income tax on a member's savings interest for one month (PP 15/2009): nothing when the
 * month's interest is at most the threshold, otherwise `taxRateBps` of all of it, rounded down.
 */
export function computeInterestTax(input: {
  memberInterest: bigint;
  thresholdRupiah: bigint;
  taxRateBps: number;
}): bigint {
  if (input.memberInterest <= input.thresholdRupiah) return 0n;
  return divFloor(input.memberInterest * BigInt(input.taxRateBps), 10_000n);
}
