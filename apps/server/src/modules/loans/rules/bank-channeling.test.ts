import { describe, expect, it } from 'vitest';
import {
  allocateChanneledCollection,
  checkFacilityRoom,
  monthlyRateBpsOf,
  remittanceSplitOf,
} from './bank-channeling.js';

const schedule = [
  { interest: 10_000n, principal: 100_000n },
  { interest: 9_000n, principal: 100_000n },
];

describe('bank channeling rules', () => {
  it('allocates a collection interest first, installment by installment, from where the last one stopped', () => {
    expect(allocateChanneledCollection(schedule, { paidBefore: 0n, amount: 60_000n })).toEqual({
      interest: 10_000n,
      principal: 50_000n,
      excess: 0n,
      remaining: 219_000n,
      isClosing: false,
    });
    expect(allocateChanneledCollection(schedule, { paidBefore: 60_000n, amount: 60_000n })).toEqual(
      { interest: 9_000n, principal: 51_000n, excess: 0n, remaining: 159_000n, isClosing: false },
    );
  });

  it('closes the loan with the last rupiah and reports what the schedule cannot take', () => {
    const last = allocateChanneledCollection(schedule, { paidBefore: 120_000n, amount: 100_000n });
    expect(last).toMatchObject({
      principal: 99_000n,
      interest: 0n,
      excess: 1_000n,
      isClosing: true,
    });
  });

  it('keeps the fee half up and the parts summing to what was collected', () => {
    expect(remittanceSplitOf(219_000n, 150)).toEqual({ fee: 3_285n, remitted: 215_715n });
    expect(remittanceSplitOf(1_001n, 50)).toEqual({ fee: 5n, remitted: 996n });
  });

  it('turns a yearly rate into a monthly one, half up', () => {
    expect(monthlyRateBpsOf({ interestRateBps: 1_200, ratePeriod: 'year' })).toBe(100);
    expect(monthlyRateBpsOf({ interestRateBps: 1_000, ratePeriod: 'year' })).toBe(83);
    expect(monthlyRateBpsOf({ interestRateBps: 90, ratePeriod: 'month' })).toBe(90);
  });

  it('refuses a loan above the plafond left, then above the member quota left', () => {
    const facility = { plafond: 10_000_000n, quotaPerMember: 3_000_000n };
    expect(
      checkFacilityRoom({ ...facility, amount: 2_000_000n, held: 9_000_000n, heldByMember: 0n }),
    ).toEqual({ ok: false, code: 'loans.facility_plafond_exceeded', available: 1_000_000n });
    expect(
      checkFacilityRoom({
        ...facility,
        amount: 2_000_000n,
        held: 2_000_000n,
        heldByMember: 2_000_000n,
      }),
    ).toEqual({ ok: false, code: 'loans.facility_quota_exceeded', available: 1_000_000n });
    expect(
      checkFacilityRoom({
        ...facility,
        amount: 1_000_000n,
        held: 2_000_000n,
        heldByMember: 2_000_000n,
      }),
    ).toEqual({ ok: true });
  });
});
