import { assert } from '../../../platform/assert.js';
import { buildSchedule, type Installment, type InterestMethod } from '../rules/schedule.js';
import type { PaidTotals } from './loan-position.js';

// Pure (no db, no clock): the schedule that replaces a running loan's unpaid schedule. It sits
// beside the commands like loan-position.ts because rules/ is owned by the rules work.

export interface ReschedulePlanInput {
  /** The loan's current schedule. */
  schedule: readonly Installment[];
  /** Principal and interest paid so far (every repayment of the loan). */
  paid: Pick<PaidTotals, 'principal' | 'interest'>;
  method: InterestMethod;
  frequency: 'weekly' | 'monthly';
  newInstallments: number;
  interestRateBpsPerMonth: number;
  /** The new schedule starts here: its first installment falls one period later. */
  effectiveDate: string;
}

export interface ReschedulePlan {
  /** The next schedule version in full: what was paid, then the new installments. */
  schedule: Installment[];
  /** Installments of the new schedule proper (after the paid part). */
  newInstallments: Installment[];
  principalOutstanding: bigint;
  /** Unpaid interest of installments due on or before the effective date. */
  interestCarried: bigint;
  /** Unpaid installments of the replaced schedule. */
  remainingInstallmentsBefore: number;
}

const positivePart = (value: bigint) => (value > 0n ? value : 0n);

/**
 * The next schedule of a loan being rescheduled. What the member paid stays as it was: the fully
 * paid installments are kept, and a partly paid one keeps only its paid part (principal and
 * interest exactly as paid), so the new version's paid part sums to what was paid and every
 * repayment keeps its place. The principal outstanding is rebuilt with buildSchedule from the
 * effective date over `newInstallments` at the given rate; unpaid interest of installments due
 * by the effective date is added to the first new installment's interest (carried, not
 * capitalised: no interest is charged on it). The principals of the whole version sum to the
 * loan's principal. `principalOutstanding` must be positive (the caller refuses otherwise).
 */
export function planReschedule(input: ReschedulePlanInput): ReschedulePlan {
  const kept: Installment[] = [];
  let keptPrincipal = 0n;
  let keptInterest = 0n;
  let scheduledPrincipal = 0n;
  let interestByEffectiveDate = 0n;
  let isPrefixPaid = true;
  for (const installment of input.schedule) {
    scheduledPrincipal += installment.principal;
    if (installment.dueDate <= input.effectiveDate) interestByEffectiveDate += installment.interest;
    isPrefixPaid &&=
      keptPrincipal + installment.principal <= input.paid.principal &&
      keptInterest + installment.interest <= input.paid.interest;
    if (!isPrefixPaid) continue;
    kept.push(installment);
    keptPrincipal += installment.principal;
    keptInterest += installment.interest;
  }
  const principalOutstanding = scheduledPrincipal - input.paid.principal;
  assert(principalOutstanding > 0n, 'a reschedule has principal outstanding to spread');
  const paidPart = paidPartOf(input, { kept, keptPrincipal, keptInterest, principalOutstanding });
  const interestCarried = positivePart(interestByEffectiveDate - input.paid.interest);
  const built = buildSchedule({
    principal: principalOutstanding,
    interestRateBpsPerMonth: input.interestRateBpsPerMonth,
    installments: input.newInstallments,
    method: input.method,
    frequency: input.frequency,
    disbursedOn: input.effectiveDate,
  });
  const firstNumber = kept.length + paidPart.length + 1;
  const newInstallments = built.map((installment, index) => {
    const carried = index === 0 ? interestCarried : 0n;
    return {
      ...installment,
      number: firstNumber + index,
      interest: installment.interest + carried,
      total: installment.total + carried,
    };
  });
  return {
    schedule: [...kept, ...paidPart, ...newInstallments],
    newInstallments,
    principalOutstanding,
    interestCarried,
    remainingInstallmentsBefore: input.schedule.length - kept.length,
  };
}

/**
 * What was paid beyond the fully paid installments (part of the next one, or ahead of it), as
 * one paid installment on the next installment's due date; none when nothing is left over.
 */
function paidPartOf(
  input: ReschedulePlanInput,
  kept: {
    kept: Installment[];
    keptPrincipal: bigint;
    keptInterest: bigint;
    principalOutstanding: bigint;
  },
): Installment[] {
  const principal = input.paid.principal - kept.keptPrincipal;
  const interest = input.paid.interest - kept.keptInterest;
  if (principal === 0n && interest === 0n) return [];
  const next = input.schedule[kept.kept.length];
  assert(next, 'money paid beyond the covered installments belongs to a next one');
  return [
    {
      number: kept.kept.length + 1,
      dueDate: next.dueDate,
      principal,
      interest,
      total: principal + interest,
      principalOutstandingAfter: kept.principalOutstanding,
    },
  ];
}
