import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRepayment, installmentStatusAsOf } from './repayment-allocation.js';
import { buildSchedule } from './schedule.js';

describe('allocating a repayment', () => {
  const due = { penalty: 5_000n, interest: 90_000n, principal: 750_000n };

  it('pays penalty, then interest, then principal', () => {
    expect(allocateRepayment(50_000n, due)).toEqual({
      penalty: 5_000n,
      interest: 45_000n,
      principal: 0n,
      excess: 0n,
    });
    expect(allocateRepayment(500_000n, due)).toEqual({
      penalty: 5_000n,
      interest: 90_000n,
      principal: 405_000n,
      excess: 0n,
    });
  });

  it('returns what is left over everything due as excess', () => {
    expect(allocateRepayment(1_000_000n, due)).toEqual({ ...due, excess: 155_000n });
  });

  it('puts a small payment wholly on the penalty', () => {
    expect(allocateRepayment(3_000n, due)).toEqual({
      penalty: 3_000n,
      interest: 0n,
      principal: 0n,
      excess: 0n,
    });
  });

  it('refuses a negative amount or a negative amount due', () => {
    expect(() => allocateRepayment(-1n, due)).toThrow(RangeError);
    expect(() => allocateRepayment(1n, { ...due, interest: -1n })).toThrow(RangeError);
  });

  it('always splits the whole amount, never more than is due per part (property)', () => {
    const rupiah = fc.bigInt({ min: 0n, max: 10n ** 12n });
    fc.assert(
      fc.property(rupiah, rupiah, rupiah, rupiah, (amount, penalty, interest, principal) => {
        const parts = allocateRepayment(amount, { penalty, interest, principal });
        expect(parts.penalty + parts.interest + parts.principal + parts.excess).toBe(amount);
        expect(parts.penalty <= penalty && parts.interest <= interest).toBe(true);
        expect(parts.principal <= principal && parts.excess >= 0n).toBe(true);
        if (parts.excess > 0n) expect(parts.principal).toBe(principal);
        if (parts.interest > 0n) expect(parts.penalty).toBe(penalty);
      }),
    );
  });
});

describe('installment status as of a date', () => {
  // Rp9,000,000 flat over 12 months from 15 January 2026: 750,000 principal + 90,000 interest a
  // month, due on the 15th from February 2026.
  const schedule = buildSchedule({
    principal: 9_000_000n,
    interestRateBpsPerMonth: 100,
    installments: 12,
    method: 'flat',
    frequency: 'monthly',
    disbursedOn: '2026-01-15',
  });
  const nothing = { principal: 0n, interest: 0n };

  it('is not late on the due date itself', () => {
    const status = installmentStatusAsOf(schedule, nothing, '2026-02-15');
    expect(status).toMatchObject({
      daysPastDue: 0,
      overduePrincipal: 0n,
      overdueInterest: 0n,
      overdueInstallments: 0,
      principalOutstanding: 9_000_000n,
      fullyPaidInstallments: 0,
    });
    expect(status.nextDue?.number).toBe(1);
  });

  it('is one day late the day after, and counts from the oldest unpaid installment', () => {
    expect(installmentStatusAsOf(schedule, nothing, '2026-02-16').daysPastDue).toBe(1);
    // Nothing paid by 20 March: installments of 15 Feb and 15 Mar are late, 33 days since 15 Feb.
    expect(installmentStatusAsOf(schedule, nothing, '2026-03-20')).toMatchObject({
      daysPastDue: 33,
      overduePrincipal: 1_500_000n,
      overdueInterest: 180_000n,
      overdueInstallments: 2,
    });
  });

  it('applies payments oldest first: a part payment leaves the first installment late', () => {
    const status = installmentStatusAsOf(
      schedule,
      { principal: 750_000n, interest: 50_000n },
      '2026-03-20',
    );
    expect(status).toMatchObject({
      daysPastDue: 33,
      overduePrincipal: 750_000n,
      overdueInterest: 130_000n,
      overdueInstallments: 2,
      principalOutstanding: 8_250_000n,
      fullyPaidInstallments: 0,
    });
    expect(status.nextDue?.number).toBe(3);
  });

  it('moves days past due to the next unpaid installment once the oldest is paid', () => {
    const status = installmentStatusAsOf(
      schedule,
      { principal: 750_000n, interest: 90_000n },
      '2026-03-20',
    );
    expect(status).toMatchObject({
      daysPastDue: 5,
      overduePrincipal: 750_000n,
      overdueInterest: 90_000n,
      overdueInstallments: 1,
      fullyPaidInstallments: 1,
    });
  });

  it('counts prepayments toward later installments and is never late when paid ahead', () => {
    const status = installmentStatusAsOf(
      schedule,
      { principal: 2_250_000n, interest: 270_000n },
      '2026-03-20',
    );
    expect(status).toMatchObject({
      daysPastDue: 0,
      overdueInstallments: 0,
      fullyPaidInstallments: 3,
    });
    expect(status.nextDue?.dueDate).toBe('2026-05-15');
  });

  it('has nothing outstanding and nothing next once everything is paid', () => {
    const status = installmentStatusAsOf(
      schedule,
      { principal: 9_000_000n, interest: 1_080_000n },
      '2027-06-01',
    );
    expect(status).toMatchObject({
      daysPastDue: 0,
      principalOutstanding: 0n,
      fullyPaidInstallments: 12,
    });
    expect(status.nextDue).toBeUndefined();
  });

  it('refuses a negative payment or a malformed date', () => {
    expect(() =>
      installmentStatusAsOf(schedule, { principal: -1n, interest: 0n }, '2026-03-01'),
    ).toThrow(RangeError);
    expect(() => installmentStatusAsOf(schedule, nothing, '2026-13-01')).toThrow(RangeError);
  });
});
