import { describe, expect, it } from 'vitest';
import { computeWajibArrears } from './wajib-arrears.js';

describe('simpanan wajib arrears', () => {
  const monthly = 25_000n;
  it('counts the joining month and the month of the date', () => {
    expect(
      computeWajibArrears({
        joinedOn: '2026-01-20',
        asOf: '2026-03-02',
        monthlyAmount: monthly,
        paid: 25_000n,
      }),
    ).toEqual({
      monthsDue: 3,
      amountOwed: 50_000n,
      monthsOwed: 2,
    });
  });
  it('rounds a partly paid month up to a month owed', () => {
    expect(
      computeWajibArrears({
        joinedOn: '2026-01-01',
        asOf: '2026-01-31',
        monthlyAmount: monthly,
        paid: 10_000n,
      }).monthsOwed,
    ).toBe(1);
  });
  it('owes nothing when paid up or prepaid', () => {
    expect(
      computeWajibArrears({
        joinedOn: '2025-12-01',
        asOf: '2026-01-15',
        monthlyAmount: monthly,
        paid: 100_000n,
      }),
    ).toEqual({
      monthsDue: 2,
      amountOwed: 0n,
      monthsOwed: 0,
    });
  });
  it('owes nothing before joining or when the product asks nothing', () => {
    expect(
      computeWajibArrears({
        joinedOn: '2026-05-01',
        asOf: '2026-03-01',
        monthlyAmount: monthly,
        paid: 0n,
      }).monthsDue,
    ).toBe(0);
    expect(
      computeWajibArrears({
        joinedOn: '2026-01-01',
        asOf: '2026-03-01',
        monthlyAmount: 0n,
        paid: 0n,
      }).monthsOwed,
    ).toBe(0);
  });
});
