import { divRoundHalfUp } from '@lumbung/shared/money';

/** A facility's rate as the schedule wants it: per month; a yearly rate is divided by 12, half up. */
export function monthlyRateBpsOf(facility: {
  interestRateBps: number;
  ratePeriod: 'month' | 'year';
}): number {
  if (facility.ratePeriod === 'month') return facility.interestRateBps;
  return Number(divRoundHalfUp(BigInt(facility.interestRateBps), 12n));
}

/**
 * How much of the schedule's interest and principal the first `total` rupiah paid cover, paying
 * installment by installment, interest before principal.
 */
function coveredBy(
  schedule: readonly { interest: bigint; principal: bigint }[],
  total: bigint,
): { interest: bigint; principal: bigint } {
  let left = total;
  const covered = { interest: 0n, principal: 0n };
  for (const installment of schedule) {
    const interest = left < installment.interest ? left : installment.interest;
    covered.interest += interest;
    left -= interest;
    const principal = left < installment.principal ? left : installment.principal;
    covered.principal += principal;
    left -= principal;
    if (left === 0n) break;
  }
  return covered;
}

/**
 * Allocates a collection on a channeled loan over the bank's schedule, continuing where the
 * earlier collections (`paidBefore` in all) stopped. `excess` is what the schedule cannot take;
 * `isClosing` when nothing of the schedule remains after it.
 */
export function allocateChanneledCollection(
  schedule: readonly { interest: bigint; principal: bigint }[],
  input: { paidBefore: bigint; amount: bigint },
) {
  const scheduled = schedule.reduce((sum, row) => sum + row.interest + row.principal, 0n);
  const remaining = scheduled - input.paidBefore;
  const taken = input.amount < remaining ? input.amount : remaining;
  const before = coveredBy(schedule, input.paidBefore);
  const after = coveredBy(schedule, input.paidBefore + taken);
  return {
    interest: after.interest - before.interest,
    principal: after.principal - before.principal,
    excess: input.amount - taken,
    remaining,
    isClosing: taken === remaining,
  };
}

/** The cooperative's fee on what it collected (half up) and what goes on to the bank. */
export function remittanceSplitOf(collected: bigint, feeBps: number) {
  const fee = divRoundHalfUp(collected * BigInt(feeBps), 10_000n);
  return { fee, remitted: collected - fee };
}

export type FacilityRoom =
  | { ok: true }
  | {
      ok: false;
      code: 'loans.facility_plafond_exceeded' | 'loans.facility_quota_exceeded';
      available: bigint;
    };

/**
 * Whether a loan of `amount` fits a facility: what all loans hold of it stays within the
 * plafond, and what one member's loans hold within the quota per member.
 */
export function checkFacilityRoom(input: {
  amount: bigint;
  plafond: bigint;
  held: bigint;
  quotaPerMember: bigint;
  heldByMember: bigint;
}): FacilityRoom {
  const available = input.plafond - input.held;
  if (input.amount > available)
    return { ok: false, code: 'loans.facility_plafond_exceeded', available: max0(available) };
  const memberAvailable = input.quotaPerMember - input.heldByMember;
  if (input.amount > memberAvailable)
    return { ok: false, code: 'loans.facility_quota_exceeded', available: max0(memberAvailable) };
  return { ok: true };
}

const max0 = (value: bigint) => (value < 0n ? 0n : value);
