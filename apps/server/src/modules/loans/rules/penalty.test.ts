import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accruePenalty } from './penalty.js';

describe('late penalty (denda)', () => {
  it('charges Rp8,400 on Rp840,000 overdue 10 days at 0.1% a day', () => {
    expect(accruePenalty({ overdueAmount: 840_000n, penaltyBpsPerDay: 10, days: 10 })).toBe(8_400n);
  });

  it('rounds half up to the rupiah', () => {
    // 1,005 × 0.1% × 5 = 5.025 → 5; 1,100 × 0.15% × 3 = 4.95 → 5; 500 × 0.1% × 1 = 0.5 → 1
    expect(accruePenalty({ overdueAmount: 1_005n, penaltyBpsPerDay: 10, days: 5 })).toBe(5n);
    expect(accruePenalty({ overdueAmount: 1_100n, penaltyBpsPerDay: 15, days: 3 })).toBe(5n);
    expect(accruePenalty({ overdueAmount: 500n, penaltyBpsPerDay: 10, days: 1 })).toBe(1n);
  });

  it('charges nothing on nothing overdue, at a zero rate or for zero days', () => {
    expect(accruePenalty({ overdueAmount: 0n, penaltyBpsPerDay: 10, days: 30 })).toBe(0n);
    expect(accruePenalty({ overdueAmount: 840_000n, penaltyBpsPerDay: 0, days: 30 })).toBe(0n);
    expect(accruePenalty({ overdueAmount: 840_000n, penaltyBpsPerDay: 10, days: 0 })).toBe(0n);
  });

  it('does not compound: 20 days cost twice 10 days', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 0, max: 50 }),
        (amount, bps) => {
          const ten = accruePenalty({
            overdueAmount: amount * 2n,
            penaltyBpsPerDay: bps,
            days: 10,
          });
          const twenty = accruePenalty({
            overdueAmount: amount * 2n,
            penaltyBpsPerDay: bps,
            days: 20,
          });
          expect(twenty - 2n * ten <= 1n && 2n * ten - twenty <= 1n).toBe(true);
        },
      ),
    );
  });

  it('refuses a negative amount, rate or number of days, and fractional days', () => {
    expect(() => accruePenalty({ overdueAmount: -1n, penaltyBpsPerDay: 10, days: 1 })).toThrow(
      RangeError,
    );
    expect(() => accruePenalty({ overdueAmount: 1n, penaltyBpsPerDay: -10, days: 1 })).toThrow(
      RangeError,
    );
    expect(() => accruePenalty({ overdueAmount: 1n, penaltyBpsPerDay: 10, days: -1 })).toThrow(
      RangeError,
    );
    expect(() => accruePenalty({ overdueAmount: 1n, penaltyBpsPerDay: 10, days: 1.5 })).toThrow(
      RangeError,
    );
  });
});
