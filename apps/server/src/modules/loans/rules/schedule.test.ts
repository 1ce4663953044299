import { divRoundHalfUp } from '@lumbung/shared/money';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  civilDateOf,
  dayNumberOf,
  formatIsoDate,
  parseIsoDate,
} from './calendar.js';
import {
  annuityInstallment,
  buildSchedule,
  firstInstallmentAmount,
  installmentAmounts,
  maxInstallments,
  maxInterestRateBpsPerMonth,
  periodRate,
  periodRateBps,
  summarizeSchedule,
  type Installment,
  type InterestMethod,
  type ScheduleTerms,
} from './schedule.js';

const base: ScheduleTerms = {
  principal: 9_000_000n,
  interestRateBpsPerMonth: 100,
  installments: 12,
  method: 'flat',
  frequency: 'monthly',
  disbursedOn: '2026-01-15',
};

describe('flat interest', () => {
  it('asks Rp840,000 every month for Rp9,000,000 over 12 months at 1% a month (rules.md §5.2)', () => {
    const schedule = buildSchedule(base);
    expect(schedule).toHaveLength(12);
    for (const installment of schedule) {
      expect(installment.principal).toBe(750_000n);
      expect(installment.interest).toBe(90_000n);
      expect(installment.total).toBe(840_000n);
    }
    expect(schedule.at(-1)?.principalOutstandingAfter).toBe(0n);
    expect(summarizeSchedule(schedule)).toEqual({
      principal: 9_000_000n,
      interest: 1_080_000n,
      total: 10_080_000n,
      lastDueDate: '2027-01-15',
    });
    expect(firstInstallmentAmount(base)).toBe(840_000n);
  });

  it('rounds principal shares down and lets the last installment take the remainder', () => {
    const schedule = buildSchedule({ ...base, principal: 1_000_000n, installments: 3 });
    expect(schedule.map((installment) => installment.principal)).toEqual([
      333_333n,
      333_333n,
      333_334n,
    ]);
  });

  it('rounds interest half up to the rupiah', () => {
    // 1,050 × 1% = 10.5 → 11; 1,049 × 1% = 10.49 → 10
    expect(buildSchedule({ ...base, principal: 1_050n, installments: 1 })[0]?.interest).toBe(11n);
    expect(buildSchedule({ ...base, principal: 1_049n, installments: 1 })[0]?.interest).toBe(10n);
  });
});

describe('efektif (sliding) interest', () => {
  it('charges interest on the outstanding principal, which falls by P/n each month', () => {
    const schedule = buildSchedule({ ...base, principal: 12_000_000n, method: 'efektif' });
    expect(schedule.map((installment) => installment.interest)).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((tens) => BigInt(tens) * 10_000n),
    );
    expect(schedule.every((installment) => installment.principal === 1_000_000n)).toBe(true);
    expect(schedule[0]?.total).toBe(1_120_000n);
    expect(summarizeSchedule(schedule).interest).toBe(780_000n);
  });
});

describe('anuitas', () => {
  it('asks a constant Rp888,488 for Rp10,000,000 over 12 months at 1% (888,487.89 rounded)', () => {
    const terms: ScheduleTerms = { ...base, principal: 10_000_000n, method: 'anuitas' };
    const schedule = buildSchedule(terms);
    expect(schedule.slice(0, -1).every((installment) => installment.total === 888_488n)).toBe(true);
    expect(schedule[0]).toMatchObject({ interest: 100_000n, principal: 788_488n });
    expect(summarizeSchedule(schedule).principal).toBe(10_000_000n);
    expect(schedule.at(-1)?.principalOutstandingAfter).toBe(0n);
    // The last installment absorbs the rounding: within a few rupiah of A.
    const last = schedule.at(-1)?.total ?? 0n;
    expect(last >= 888_480n && last <= 888_496n).toBe(true);
    expect(firstInstallmentAmount(terms)).toBe(888_488n);
  });

  it('matches the closed form at 1.5% over 24 months (249,620.51 → 249,621)', () => {
    expect(annuityInstallment(5_000_000n, periodRate(150, 'monthly'), 24)).toBe(249_621n);
  });

  it('repays principal only at a zero rate', () => {
    const schedule = buildSchedule({
      ...base,
      principal: 1_000n,
      installments: 3,
      method: 'anuitas',
      interestRateBpsPerMonth: 0,
    });
    expect(schedule.map((installment) => installment.total)).toEqual([333n, 333n, 334n]);
  });
});

describe('grace installments', () => {
  it('asks interest only during the grace period and spreads the principal over the rest', () => {
    const schedule = buildSchedule({ ...base, principal: 12_000_000n, graceInstallments: 2 });
    expect(schedule.slice(0, 2).map((installment) => installment.total)).toEqual([
      120_000n,
      120_000n,
    ]);
    expect(schedule.slice(2).every((installment) => installment.principal === 1_200_000n)).toBe(
      true,
    );
    expect(firstInstallmentAmount({ ...base, principal: 12_000_000n, graceInstallments: 2 })).toBe(
      120_000n,
    );
  });

  it('computes the anuitas installment over the installments after the grace period', () => {
    const schedule = buildSchedule({
      ...base,
      principal: 10_000_000n,
      installments: 14,
      graceInstallments: 2,
      method: 'anuitas',
    });
    expect(schedule[1]).toMatchObject({ principal: 0n, interest: 100_000n });
    expect(schedule[2]?.total).toBe(888_488n);
  });
});

describe('due dates', () => {
  it('falls on the same day each month, clamped to short months without drifting', () => {
    const schedule = buildSchedule({ ...base, disbursedOn: '2027-12-31', installments: 4 });
    expect(schedule.map((installment) => installment.dueDate)).toEqual([
      '2028-01-31',
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
    ]);
  });

  it('falls every 7 days on weekly installments, across a year end', () => {
    const schedule = buildSchedule({
      ...base,
      frequency: 'weekly',
      installments: 3,
      disbursedOn: '2026-12-21',
    });
    expect(schedule.map((installment) => installment.dueDate)).toEqual([
      '2026-12-28',
      '2027-01-04',
      '2027-01-11',
    ]);
  });
});

describe('weekly rate', () => {
  it('is the monthly rate × 12 / 52, kept exact: 1% a month is 3/1,300 a week', () => {
    expect(periodRate(100, 'weekly')).toEqual({ numerator: 3n, denominator: 1_300n });
    expect(periodRate(100, 'monthly')).toEqual({ numerator: 1n, denominator: 100n });
    expect(periodRate(0, 'weekly')).toEqual({ numerator: 0n, denominator: 1n });
  });

  it('is shown in whole basis points rounded half up (23.08 → 23, 34.62 → 35)', () => {
    expect(periodRateBps(100, 'weekly')).toBe(23);
    expect(periodRateBps(150, 'weekly')).toBe(35);
    expect(periodRateBps(150, 'monthly')).toBe(150);
  });

  it('costs exactly 12% a year on a flat weekly loan at 1% a month', () => {
    const schedule = buildSchedule({
      ...base,
      principal: 5_200_000n,
      installments: 52,
      frequency: 'weekly',
    });
    expect(schedule[0]?.interest).toBe(12_000n);
    expect(summarizeSchedule(schedule).interest).toBe(624_000n);
  });
});

describe('refused terms', () => {
  const cases: [string, Partial<ScheduleTerms>][] = [
    ['a zero principal', { principal: 0n }],
    ['a negative principal', { principal: -1n }],
    ['a negative rate', { interestRateBpsPerMonth: -1 }],
    ['a fractional rate', { interestRateBpsPerMonth: 1.5 }],
    ['a rate above 100% a month', { interestRateBpsPerMonth: 10_001 }],
    ['zero installments', { installments: 0 }],
    ['too many installments', { installments: 1_201 }],
    ['a grace period as long as the tenor', { graceInstallments: 12 }],
    ['a negative grace period', { graceInstallments: -1 }],
    ['an impossible date', { disbursedOn: '2026-02-30' }],
    ['a date in another format', { disbursedOn: '15/01/2026' }],
    ['an unknown method', { method: 'bunga-berbunga' as InterestMethod }],
  ];
  it.each(cases)('refuses %s with a RangeError', (_name, change) => {
    expect(() => buildSchedule({ ...base, ...change })).toThrow(RangeError);
    expect(() => firstInstallmentAmount({ ...base, ...change })).toThrow(RangeError);
  });
});

const anyTerms = fc.record({
  principal: fc.bigInt({ min: 1n, max: 10n ** 12n }),
  interestRateBpsPerMonth: fc.integer({ min: 0, max: 500 }),
  installments: fc.integer({ min: 1, max: 360 }),
  method: fc.constantFrom<InterestMethod>('flat', 'efektif', 'anuitas'),
  frequency: fc.constantFrom('weekly' as const, 'monthly' as const),
  disbursedOn: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  grace: fc.integer({ min: 0, max: 6 }),
});

function termsOf(generated: typeof anyTerms extends fc.Arbitrary<infer T> ? T : never) {
  const { grace, ...terms } = generated;
  return { ...terms, graceInstallments: Math.min(grace, terms.installments - 1) };
}

function checkInvariants(terms: ScheduleTerms, schedule: Installment[]): void {
  expect(schedule).toHaveLength(terms.installments);
  expect(schedule.reduce((sum, installment) => sum + installment.principal, 0n)).toBe(
    terms.principal,
  );
  let outstanding = terms.principal;
  let previousDate = terms.disbursedOn;
  schedule.forEach((installment, index) => {
    expect(installment.number).toBe(index + 1);
    expect(installment.principal >= 0n && installment.interest >= 0n).toBe(true);
    expect(installment.total).toBe(installment.principal + installment.interest);
    expect(installment.principalOutstandingAfter).toBe(outstanding - installment.principal);
    expect(installment.principalOutstandingAfter <= outstanding).toBe(true);
    expect(installment.dueDate > previousDate).toBe(true);
    outstanding = installment.principalOutstandingAfter;
    previousDate = installment.dueDate;
  });
  expect(outstanding).toBe(0n);
  expect(schedule[0]?.total).toBe(firstInstallmentAmount(terms));
  expect(installmentAmounts(terms)).toEqual(schedule.map((installment) => installment.total));
}

describe('schedule invariants (property)', () => {
  it('sums principal to P, never raises the outstanding, ends at 0, dates strictly increase', () => {
    fc.assert(
      fc.property(anyTerms, (generated) => {
        const terms = termsOf(generated);
        checkInvariants(terms, buildSchedule(terms));
      }),
      { numRuns: 300 },
    );
  });

  it('asks the same anuitas installment every time but the last, for real-world loans', () => {
    // Up to 3% a month, 10 years monthly or 5 years weekly, from Rp1,000,000: the rounding of A
    // compounds to far less than one installment, so the last one alone absorbs it.
    const realistic = fc.record({
      principal: fc.bigInt({ min: 1_000_000n, max: 10n ** 11n }),
      interestRateBpsPerMonth: fc.integer({ min: 0, max: 300 }),
      frequency: fc.constantFrom('weekly' as const, 'monthly' as const),
      installments: fc.integer({ min: 1, max: 120 }),
      grace: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(realistic, ({ grace, ...generated }) => {
        const installments =
          generated.frequency === 'weekly' ? generated.installments * 2 : generated.installments;
        const terms: ScheduleTerms = {
          ...generated,
          installments,
          method: 'anuitas',
          disbursedOn: '2026-03-31',
          graceInstallments: Math.min(grace, installments - 1),
        };
        const schedule = buildSchedule(terms);
        const amortizing = schedule.slice(terms.graceInstallments ?? 0, -1);
        const first = amortizing[0]?.total;
        expect(amortizing.every((installment) => installment.total === first)).toBe(true);
        checkInvariants(terms, schedule);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The schedule as the rules state it, one installment at a time with no shortcuts: each due date
 * counted from the disbursement (months clamped, or 7 days a week) and each amount from the
 * outstanding with divRoundHalfUp. buildSchedule works incrementally and hoists what it can for
 * speed; it must give exactly this.
 */
function referenceSchedule(terms: ScheduleTerms): Installment[] {
  const rate = periodRate(terms.interestRateBpsPerMonth, terms.frequency);
  const interestOn = (balance: bigint) =>
    divRoundHalfUp(balance * rate.numerator, rate.denominator);
  const grace = terms.graceInstallments ?? 0;
  const amortizing = terms.installments - grace;
  const annuity = annuityInstallment(terms.principal, rate, amortizing);
  const equalPrincipal = terms.principal / BigInt(amortizing);
  const start = parseIsoDate(terms.disbursedOn);
  const schedule: Installment[] = [];
  let outstanding = terms.principal;
  for (let number = 1; number <= terms.installments; number++) {
    const interest = interestOn(terms.method === 'flat' ? terms.principal : outstanding);
    let principal = equalPrincipal < outstanding ? equalPrincipal : outstanding;
    if (terms.method === 'anuitas') {
      const share = annuity - interest;
      principal = share < 0n ? 0n : share > outstanding ? outstanding : share;
    }
    if (number <= grace) principal = 0n;
    if (number === terms.installments) principal = outstanding;
    outstanding -= principal;
    const dueDate =
      terms.frequency === 'monthly'
        ? addMonthsClamped(start, number)
        : civilDateOf(dayNumberOf(start) + 7 * number);
    schedule.push({
      number,
      dueDate: formatIsoDate(dueDate),
      principal,
      interest,
      total: principal + interest,
      principalOutstandingAfter: outstanding,
    });
  }
  return schedule;
}

describe('buildSchedule against the reference schedule (property)', () => {
  it('gives exactly the reference schedule for any terms, up to 100% a month and 1,200 installments', () => {
    const wideTerms = fc.record({
      principal: fc.oneof(
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
      ),
      interestRateBpsPerMonth: fc.oneof(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: maxInterestRateBpsPerMonth }),
      ),
      installments: fc.oneof(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: maxInstallments }),
      ),
      method: fc.constantFrom<InterestMethod>('flat', 'efektif', 'anuitas'),
      frequency: fc.constantFrom('weekly' as const, 'monthly' as const),
      // 1900-01-01 to 9999-12-31, past the years whose ISO dates are tabled (1900–2199).
      disbursedOn: fc
        .integer({ min: -25_567, max: 2_932_896 })
        .map((dayNumber) => formatIsoDate(civilDateOf(dayNumber))),
      grace: fc.integer({ min: 0, max: 24 }),
    });
    fc.assert(
      fc.property(wideTerms, ({ grace, ...generated }) => {
        const terms = {
          ...generated,
          graceInstallments: Math.min(grace, generated.installments - 1),
        };
        if (parseIsoDate(terms.disbursedOn).year + terms.installments / 12 > 9_999) return;
        expect(buildSchedule(terms)).toEqual(referenceSchedule(terms));
        expect(installmentAmounts(terms)).toEqual(
          referenceSchedule(terms).map((installment) => installment.total),
        );
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('gives exactly the reference schedule for the terms of the examples above', () => {
    for (const terms of [
      base,
      { ...base, principal: 10_000_000n, method: 'anuitas' as const },
      { ...base, principal: 12_000_000n, method: 'efektif' as const, graceInstallments: 2 },
      { ...base, method: 'anuitas' as const, interestRateBpsPerMonth: 10_000, installments: 1_200 },
      { ...base, principal: 5n, method: 'efektif' as const, installments: 7 },
      { ...base, disbursedOn: '2027-12-31', frequency: 'weekly' as const, installments: 300 },
    ])
      expect(buildSchedule(terms)).toEqual(referenceSchedule(terms));
  });
});
