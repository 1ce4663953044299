import { divRoundHalfUp } from '@lumbung/shared/money';
import type { Member } from '../../members/index.js';
import { listWajibArrears } from '../../savings/index.js';
import { assessApplication } from '../rules/assessment.js';
import type { Installment } from '../rules/schedule.js';
import {
  insertAssessment,
  listInstallments,
  listPastLoanRows,
  listRepayments,
  readMemberActivity,
} from '../loans.sql.js';
import { businessDateOf, type LoanRow, type LoansContext } from '../loans.types.js';
import { maxDaysLateOf, scheduleOf } from './loan-position.js';

/** An installment a month: weekly installments × 52 / 12, rounded half up. */
export function monthlyInstallmentOf(
  schedule: readonly Installment[],
  frequency: LoanRow['frequency'],
  fromDate = '0000-00-00',
): bigint {
  const largest = schedule
    .filter((installment) => installment.dueDate >= fromDate)
    .reduce((max, installment) => (installment.total > max ? installment.total : max), 0n);
  return frequency === 'weekly' ? divRoundHalfUp(largest * 52n, 12n) : largest;
}

/** Whole months from `fromDate` to `toDate` (0 when `toDate` is earlier). */
function wholeMonthsBetween(fromDate: string, toDate: string): number {
  const months =
    (Number(toDate.slice(0, 4)) - Number(fromDate.slice(0, 4))) * 12 +
    (Number(toDate.slice(5, 7)) - Number(fromDate.slice(5, 7))) -
    (toDate.slice(8, 10) < fromDate.slice(8, 10) ? 1 : 0);
  return Math.max(0, months);
}

/**
 * Scores a new application from the member's history here (rules/assessment.ts) and stores the
 * score factor by factor with the inputs it read, for the committee. The largest installment of
 * the proposed schedule is weighed against the declared income with the member's other loans.
 */
export async function assessLoanApplication(
  ctx: LoansContext,
  input: { loan: LoanRow; member: Member; proposedSchedule: readonly Installment[] },
) {
  const { loan, member } = input;
  const asOf = businessDateOf(ctx.now);
  const activity = await readMemberActivity(ctx.tx, ctx.cooperativeId, {
    membershipId: member.membershipId,
    asOf,
  });
  const arrears = await listWajibArrears(ctx, { asOf });
  const wajibArrearsMonths =
    arrears.items.find((item) => item.membershipId === member.membershipId)?.monthsOwed ?? 0;
  let maxDaysPastDue = 0;
  let existingInstallments = 0n;
  const pastLoans = await listPastLoanRows(ctx.tx, ctx.cooperativeId, member.membershipId);
  for (const past of pastLoans) {
    const schedule = scheduleOf(await listInstallments(ctx.tx, ctx.cooperativeId, past.id));
    const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, past.id);
    maxDaysPastDue = Math.max(maxDaysPastDue, maxDaysLateOf(schedule, repayments, asOf));
    if (past.status === 'aktif')
      existingInstallments += monthlyInstallmentOf(schedule, past.frequency, asOf);
  }
  const inputs = {
    tenureMonths: member.joinedOn ? wholeMonthsBetween(member.joinedOn, asOf) : 0,
    savingsMonthsWithDeposit: Math.min(12, activity.savingsMonthsWithDeposit),
    wajibArrearsMonths,
    pastLoans: { count: pastLoans.length, maxDaysPastDue },
    transactionsLast90Days: activity.transactionsLast90Days,
    monthlyIncome: loan.declaredMonthlyIncome,
    proposedInstallment: monthlyInstallmentOf(input.proposedSchedule, loan.frequency),
    existingInstallments,
  };
  const assessment = assessApplication(inputs);
  await insertAssessment(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    loanId: loan.id,
    score: assessment.score,
    grade: assessment.grade,
    factors: assessment.factors,
    inputs: {
      tenureMonths: inputs.tenureMonths,
      savingsMonthsWithDeposit: inputs.savingsMonthsWithDeposit,
      wajibArrearsMonths: inputs.wajibArrearsMonths,
      pastLoanCount: inputs.pastLoans.count,
      pastLoanMaxDaysPastDue: inputs.pastLoans.maxDaysPastDue,
      transactionsLast90Days: inputs.transactionsLast90Days,
      monthlyIncome: inputs.monthlyIncome.toString(),
      proposedInstallment: inputs.proposedInstallment.toString(),
      existingInstallments: inputs.existingInstallments.toString(),
    },
    proposedInstallment: inputs.proposedInstallment,
    installmentToIncomeBps: assessment.installmentToIncomeBps,
    isCapacityOk: assessment.capacityOk,
    assessedAt: ctx.now,
  });
}
