import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeInterestTax } from './interest.js';
import {
  computeEarlyBreakPenalty,
  computeMaturityDate,
  computeMaturityTax,
  computeTermInterest,
  daysBetween,
} from './term-deposit.js';

describe('term-deposit maturity date', () => {
  it('falls on the same day of the month the term later', () => {
    expect(computeMaturityDate('2026-02-15', 3)).toBe('2026-05-15');
    expect(computeMaturityDate('2026-11-15', 3)).toBe('2027-02-15');
    expect(computeMaturityDate('2026-03-02', 12)).toBe('2027-03-02');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(computeMaturityDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(computeMaturityDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(computeMaturityDate('2028-02-29', 12)).toBe('2029-02-28');
    expect(computeMaturityDate('2026-08-31', 3)).toBe('2026-11-30');
  });

  it('counts exact days between dates, across month lengths and leap years', () => {
    expect(daysBetween('2026-02-15', '2026-05-15')).toBe(89); // 28 + 31 + 30
    expect(daysBetween('2025-03-01', '2026-03-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-05-15', '2026-05-15')).toBe(0);
  });
});

describe('term-deposit interest', () => {
  it('pays Rp600,000 on Rp10,000,000 for 12 months (365 days) at 600 bps', () => {
    // 10,000,000 × 600 × 365 / (10,000 × 365) = 600,000 exactly
    expect(computeTermInterest({ principal: 10_000_000n, interestRateBps: 600, days: 365 })).toBe(
      600_000n,
    );
  });

  it('pays the exact days of a 3-month term from February, rounded down', () => {
    // 15 Feb – 15 May 2026 is 89 days: floor(10,000,000 × 600 × 89 / 3,650,000) = floor(146,301.37)
    const days = daysBetween('2026-02-15', computeMaturityDate('2026-02-15', 3));
    expect(computeTermInterest({ principal: 10_000_000n, interestRateBps: 600, days })).toBe(
      146_301n,
    );
  });

  it('pays nothing at a zero rate or for no days', () => {
    expect(computeTermInterest({ principal: 10_000_000n, interestRateBps: 0, days: 365 })).toBe(0n);
    expect(computeTermInterest({ principal: 10_000_000n, interestRateBps: 600, days: 0 })).toBe(0n);
  });
});

describe('term-deposit withholding tax (PP 15/2009)', () => {
  const terms = { thresholdRupiah: 240_000n, taxRateBps: 1_000 };

  it('withholds 10% of all the interest when the month is above Rp240,000', () => {
    expect(
      computeMaturityTax({ interest: 600_000n, earlierInterest: 0n, earlierTax: 0n, ...terms }),
    ).toBe(60_000n);
  });

  it('withholds nothing at exactly the threshold', () => {
    expect(
      computeMaturityTax({ interest: 240_000n, earlierInterest: 0n, earlierTax: 0n, ...terms }),
    ).toBe(0n);
  });

  it("tests the threshold on the member's month: a second maturity catches up the first's tax", () => {
    // 200,000 then 100,000 in one month: 300,000 is above the threshold, 10% of it is 30,000
    expect(
      computeMaturityTax({ interest: 200_000n, earlierInterest: 0n, earlierTax: 0n, ...terms }),
    ).toBe(0n);
    expect(
      computeMaturityTax({
        interest: 100_000n,
        earlierInterest: 200_000n,
        earlierTax: 0n,
        ...terms,
      }),
    ).toBe(30_000n);
    expect(
      computeMaturityTax({
        interest: 50_005n,
        earlierInterest: 300_000n,
        earlierTax: 30_000n,
        ...terms,
      }),
    ).toBe(5_000n); // floor(35,000.5) − 30,000
  });

  it('withholds, over a month of maturities, exactly the tax on their total', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2_000_000n }), { maxLength: 8 }), (list) => {
        let earlierInterest = 0n;
        let earlierTax = 0n;
        for (const interest of list) {
          const tax = computeMaturityTax({ interest, earlierInterest, earlierTax, ...terms });
          expect(tax).toBeGreaterThanOrEqual(0n);
          earlierInterest += interest;
          earlierTax += tax;
        }
        expect(earlierTax).toBe(computeInterestTax({ memberInterest: earlierInterest, ...terms }));
      }),
    );
  });
});

describe('early-break penalty', () => {
  it('takes the penalty bps of the principal, rounded down', () => {
    expect(computeEarlyBreakPenalty({ principal: 10_000_000n, earlyBreakPenaltyBps: 100 })).toBe(
      100_000n,
    );
    // 1,234,567 × 150 / 10,000 = 18,518.505
    expect(computeEarlyBreakPenalty({ principal: 1_234_567n, earlyBreakPenaltyBps: 150 })).toBe(
      18_518n,
    );
    expect(computeEarlyBreakPenalty({ principal: 10_000_000n, earlyBreakPenaltyBps: 0 })).toBe(0n);
  });
});
