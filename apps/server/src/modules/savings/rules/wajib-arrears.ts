import { divFloor } from '@lumbung/shared/money';

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

/**
 * Simpanan wajib owed as of a date: one monthly amount for every month from the joining month
 * to the month of `asOf`, both counted, less what was paid. Prepayments count toward later months.
 * Months owed round up: a part of a month still unpaid is a month in arrears.
 */
export function computeWajibArrears(input: {
  joinedOn: string;
  asOf: string;
  monthlyAmount: bigint;
  paid: bigint;
}): { monthsDue: number; amountOwed: bigint; monthsOwed: number } {
  const monthsDue = Math.max(0, monthIndex(input.asOf) - monthIndex(input.joinedOn) + 1);
  const due = BigInt(monthsDue) * input.monthlyAmount;
  const amountOwed = due > input.paid ? due - input.paid : 0n;
  const monthsOwed =
    input.monthlyAmount === 0n
      ? 0
      : Number(divFloor(amountOwed + input.monthlyAmount - 1n, input.monthlyAmount));
  return { monthsDue, amountOwed, monthsOwed };
}
