import { describe, expect, it } from 'vitest';
import {
  checkCollectibilityBands,
  classify,
  defaultAllowanceRates,
  defaultCollectibilityBands,
  portfolioQuality,
  requiredAllowance,
  type Collectibility,
} from './collectibility.js';

describe('collectibility, KSP_2009 (four classes, no DPK)', () => {
  const bands = defaultCollectibilityBands.KSP_2009;
  it.each<[number, Collectibility]>([
    [0, 'lancar'],
    [90, 'lancar'],
    [91, 'kurang_lancar'],
    [180, 'kurang_lancar'],
    [181, 'diragukan'],
    [270, 'diragukan'],
    [271, 'macet'],
    [2_000, 'macet'],
  ])('classes %i days past due as %s', (days, expected) => {
    expect(classify(days, bands)).toBe(expected);
  });

  it('never classes a loan as dalam perhatian khusus', () => {
    for (let days = 0; days <= 400; days++)
      expect(classify(days, bands)).not.toBe('dalam_perhatian_khusus');
  });
});

describe('collectibility, OJK_BANK (five classes)', () => {
  const bands = defaultCollectibilityBands.OJK_BANK;
  it.each<[number, Collectibility]>([
    [0, 'lancar'],
    [1, 'dalam_perhatian_khusus'],
    [90, 'dalam_perhatian_khusus'],
    [91, 'kurang_lancar'],
    [120, 'kurang_lancar'],
    [121, 'diragukan'],
    [180, 'diragukan'],
    [181, 'macet'],
  ])('classes %i days past due as %s', (days, expected) => {
    expect(classify(days, bands)).toBe(expected);
  });
});

describe('band tables', () => {
  it('follows a configured table', () => {
    const bands = [
      { collectibility: 'lancar', maxDaysPastDue: 30 },
      { collectibility: 'macet', maxDaysPastDue: null },
    ] as const;
    expect(classify(30, bands)).toBe('lancar');
    expect(classify(31, bands)).toBe('macet');
  });

  it('refuses a table that is unordered, bounded at the end, or unbounded in the middle', () => {
    expect(() =>
      checkCollectibilityBands([
        { collectibility: 'lancar', maxDaysPastDue: 90 },
        { collectibility: 'kurang_lancar', maxDaysPastDue: 60 },
        { collectibility: 'macet', maxDaysPastDue: null },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      checkCollectibilityBands([{ collectibility: 'lancar', maxDaysPastDue: 90 }]),
    ).toThrow(RangeError);
    expect(() =>
      checkCollectibilityBands([
        { collectibility: 'lancar', maxDaysPastDue: null },
        { collectibility: 'macet', maxDaysPastDue: null },
      ]),
    ).toThrow(RangeError);
    expect(() => checkCollectibilityBands([])).toThrow(RangeError);
  });

  it('refuses negative or fractional days past due', () => {
    expect(() => classify(-1, defaultCollectibilityBands.OJK_BANK)).toThrow(RangeError);
    expect(() => classify(1.5, defaultCollectibilityBands.OJK_BANK)).toThrow(RangeError);
  });
});

describe('required allowance', () => {
  it('reserves the RPM weights under KSP_2009: 50/75/100% of KL/D/M, nothing on lancar', () => {
    const rates = defaultAllowanceRates.KSP_2009;
    expect(requiredAllowance(10_000_000n, 'lancar', rates)).toBe(0n);
    expect(requiredAllowance(10_000_000n, 'kurang_lancar', rates)).toBe(5_000_000n);
    expect(requiredAllowance(10_000_000n, 'diragukan', rates)).toBe(7_500_000n);
    expect(requiredAllowance(10_000_000n, 'macet', rates)).toBe(10_000_000n);
  });

  it('reserves 1/5/15/50/100% under OJK_BANK, rounded half up', () => {
    const rates = defaultAllowanceRates.OJK_BANK;
    expect(requiredAllowance(1_050n, 'lancar', rates)).toBe(11n); // 10.5 → 11
    expect(requiredAllowance(1_049n, 'lancar', rates)).toBe(10n); // 10.49 → 10
    expect(requiredAllowance(1_000_000n, 'dalam_perhatian_khusus', rates)).toBe(50_000n);
    expect(requiredAllowance(1_000_000n, 'kurang_lancar', rates)).toBe(150_000n);
  });

  it('refuses a negative outstanding or a rate above 100%', () => {
    expect(() => requiredAllowance(-1n, 'macet', defaultAllowanceRates.OJK_BANK)).toThrow(
      RangeError,
    );
    expect(() =>
      requiredAllowance(1n, 'macet', { ...defaultAllowanceRates.OJK_BANK, macet: 10_001 }),
    ).toThrow(RangeError);
  });
});

describe('portfolio quality', () => {
  const loans = [
    { outstanding: 6_000_000n, daysPastDue: 0, collectibility: 'lancar' },
    { outstanding: 1_000_000n, daysPastDue: 1, collectibility: 'dalam_perhatian_khusus' },
    { outstanding: 1_000_000n, daysPastDue: 31, collectibility: 'dalam_perhatian_khusus' },
    { outstanding: 1_000_000n, daysPastDue: 100, collectibility: 'kurang_lancar' },
    { outstanding: 500_000n, daysPastDue: 150, collectibility: 'diragukan' },
    { outstanding: 500_000n, daysPastDue: 400, collectibility: 'macet' },
  ] as const;

  it('sums NPL (KL + D + M) and PAR1/30/90 as rupiah and basis points', () => {
    const quality = portfolioQuality(loans);
    expect(quality.loanCount).toBe(6);
    expect(quality.totalOutstanding).toBe(10_000_000n);
    expect(quality.npl).toEqual({ outstanding: 2_000_000n, ratioBps: 2_000, loanCount: 3 });
    expect(quality.par1).toEqual({ outstanding: 4_000_000n, ratioBps: 4_000, loanCount: 5 });
    expect(quality.par30).toEqual({ outstanding: 3_000_000n, ratioBps: 3_000, loanCount: 4 });
    expect(quality.par90).toEqual({ outstanding: 2_000_000n, ratioBps: 2_000, loanCount: 3 });
    expect(quality.byCollectibility.dalam_perhatian_khusus).toEqual({
      outstanding: 2_000_000n,
      ratioBps: 2_000,
      loanCount: 2,
    });
    expect(quality.requiredAllowance).toBeUndefined();
  });

  it('counts a loan exactly 30 days late in PAR1 but not in PAR30', () => {
    const quality = portfolioQuality([
      { outstanding: 1n, daysPastDue: 30, collectibility: 'dalam_perhatian_khusus' },
    ]);
    expect(quality.par1.outstanding).toBe(1n);
    expect(quality.par30.outstanding).toBe(0n);
  });

  it('rounds ratios half up and adds the allowance when given rates', () => {
    const quality = portfolioQuality(
      [
        { outstanding: 1n, daysPastDue: 200, collectibility: 'macet' },
        { outstanding: 2n, daysPastDue: 0, collectibility: 'lancar' },
      ],
      defaultAllowanceRates.OJK_BANK,
    );
    expect(quality.npl.ratioBps).toBe(3_333); // 3,333.33
    expect(quality.byCollectibility.lancar.ratioBps).toBe(6_667); // 6,666.67
    expect(quality.requiredAllowance).toBe(1n); // 1 × 100% + 2 × 1% (0.02 → 0)
  });

  it('reports zeros for an empty portfolio', () => {
    const quality = portfolioQuality([]);
    expect(quality.totalOutstanding).toBe(0n);
    expect(quality.npl).toEqual({ outstanding: 0n, ratioBps: 0, loanCount: 0 });
  });

  it('refuses a negative outstanding', () => {
    expect(() =>
      portfolioQuality([{ outstanding: -1n, daysPastDue: 0, collectibility: 'lancar' }]),
    ).toThrow(RangeError);
  });
});
