import { divRoundHalfUp } from '@lumbung/shared/money';

/**
 * Denda: simple (never compounding) late penalty on the overdue amount at `penaltyBpsPerDay` for
 * `days` days, rounded half up to the rupiah. Typical KSP practice is 10–15 bps a day
 * (rules.md §5.2). Nothing accrues on nothing overdue or on zero days.
 */
export function accruePenalty(input: {
  overdueAmount: bigint;
  penaltyBpsPerDay: number;
  days: number;
}): bigint {
  const { overdueAmount, penaltyBpsPerDay, days } = input;
  if (typeof overdueAmount !== 'bigint' || overdueAmount < 0n)
    throw new RangeError(
      `overdueAmount must be a non-negative bigint of rupiah, got ${overdueAmount}`,
    );
  if (!Number.isSafeInteger(penaltyBpsPerDay) || penaltyBpsPerDay < 0)
    throw new RangeError(
      `penaltyBpsPerDay must be a non-negative whole number, got ${penaltyBpsPerDay}`,
    );
  if (!Number.isSafeInteger(days) || days < 0)
    throw new RangeError(`days must be a non-negative whole number, got ${days}`);
  return divRoundHalfUp(overdueAmount * BigInt(penaltyBpsPerDay) * BigInt(days), 10_000n);
}
