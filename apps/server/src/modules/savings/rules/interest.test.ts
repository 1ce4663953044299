import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeBalanceDays,
  computeDailyBalanceInterest,
  computeInterestTax,
  monthBounds,
} from './interest.js';

describe('daily-balance interest', () => {
  it('pays Rp49,315 on Rp10,000,000 held all of a 30-day month at 600 bps', () => {
    const balanceDays = computeBalanceDays({
      openingBalance: 10_000_000n,
      days: 30,
      movements: [],
    });
    // floor(10,000,000 × 600 × 30 / (10,000 × 365)) = floor(49,315.07)
    expect(computeDailyBalanceInterest(balanceDays, 600)).toBe(49_315n);
  });

  it('counts a deposit from its own day to the end of the month', () => {
    // Rp1,000,000 from 1 April plus Rp3,000,000 deposited on 21 April (10 days of 30).
    const balanceDays = computeBalanceDays({
      openingBalance: 1_000_000n,
      days: 30,
      movements: [{ dayOfMonth: 21, signedAmount: 3_000_000n }],
    });
    expect(balanceDays).toBe(1_000_000n * 30n + 3_000_000n * 10n);
    // floor(60,000,000 × 500 / 3,650,000) = floor(8,219.17)
    expect(computeDailyBalanceInterest(balanceDays, 500)).toBe(8_219n);
  });

  it('rounds down and never pays on an empty account', () => {
    expect(computeDailyBalanceInterest(0n, 600)).toBe(0n);
    expect(computeDailyBalanceInterest(-5n, 600)).toBe(0n);
    expect(computeDailyBalanceInterest(6_083n, 600)).toBe(0n); // 0.99995…
  });

  it('never pays more than the exact fraction, and less than one rupiah below it', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.integer({ min: 0, max: 10_000 }),
        (days, bps) => {
          const interest = computeDailyBalanceInterest(days, bps);
          const exact = days * BigInt(bps);
          expect(interest * 3_650_000n <= exact).toBe(true);
          expect((interest + 1n) * 3_650_000n > exact).toBe(true);
        },
      ),
    );
  });

  it('knows the length of every month, leap Februaries included', () => {
    expect(monthBounds('2026-02')).toEqual({
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
      days: 28,
    });
    expect(monthBounds('2028-02').days).toBe(29);
    expect(monthBounds('2026-12').lastDay).toBe('2026-12-31');
  });
});

describe('interest tax (PP 15/2009)', () => {
  const rule = { thresholdRupiah: 240_000n, taxRateBps: 1_000 };
  it('withholds nothing on exactly Rp240,000 of interest', () => {
    expect(computeInterestTax({ ...rule, memberInterest: 240_000n })).toBe(0n);
  });
  it('withholds 10% of all of it, rounded down, on Rp240,001', () => {
    expect(computeInterestTax({ ...rule, memberInterest: 240_001n })).toBe(24_000n);
  });
  it('follows a configured threshold and rate', () => {
    expect(
      computeInterestTax({ memberInterest: 1_001n, thresholdRupiah: 1_000n, taxRateBps: 1_500 }),
    ).toBe(150n);
  });
});
