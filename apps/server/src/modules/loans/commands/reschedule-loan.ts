import { uuidv7 } from '@lumbung/shared/ids';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { daysBetween } from '../rules/calendar.js';
import {
  findPersonRoles,
  findRescheduleByKey,
  insertInstallments,
  insertReschedule,
  listInstallments,
  listRepayments,
  setLoanFields,
} from '../loans.sql.js';
import { businessDateOf, deciderRoles, type LoansContext } from '../loans.types.js';
import { getLoan, getLoanDetail } from '../queries/get-loan.js';
import { accruedPositionOf } from './accrued-position.js';
import { scheduleOf } from './loan-position.js';
import { planReschedule } from './loan-reschedule-plan.js';

/** How far ahead a new schedule may start: a reschedule answers a present difficulty. */
export const maxRescheduleLeadDays = 90;
/** The loans table's bound on a schedule's length. */
const maxScheduleInstallments = 520;

export interface RescheduleLoanInput {
  loanId: string;
  newInstallments: number;
  /** The loan's rate when left out. */
  newRateBpsPerMonth?: number | undefined;
  reason: string;
  effectiveDate: string;
}

/**
 * The board reschedules (restrukturisasi) a running loan: the unpaid schedule is replaced by a
 * new one built with buildSchedule from the principal outstanding, starting on the effective
 * date, over `newInstallments` at the new (or the same) rate; unpaid interest of installments due
 * by then is carried into the first new installment, and today's denda is waived (recorded).
 * Paid installments and repayments stay as they were. The old schedule is kept as a superseded
 * version (append-only) and a reschedule row records the approver, their roles, when, why and
 * the terms before and after. Nothing is posted: interest and denda are income when paid, and a
 * reschedule charges no fee. A retry with the same key returns the loan as rescheduled.
 *
 * Refuses: loans.loan_not_found, loans.not_active, loans.self_reschedule_forbidden,
 * auth.forbidden, loans.reschedule_date_invalid, loans.nothing_to_reschedule,
 * loans.reschedule_tenor_too_long.
 */
export async function rescheduleLoan(ctx: LoansContext, input: RescheduleLoanInput) {
  assert(ctx.actorPersonId, 'a reschedule is approved by a signed-in person');
  assert(ctx.idempotencyKey, 'a reschedule carries an idempotency key');
  const approverPersonId = ctx.actorPersonId;
  const key = `loans.reschedule:${ctx.idempotencyKey}`;
  const earlier = await findRescheduleByKey(ctx.tx, ctx.cooperativeId, key);
  if (earlier) return getLoanDetail(ctx, earlier.loanId);
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  if (loan.status !== 'aktif') throw new DomainError('loans.not_active', { status: loan.status });
  // The borrower never approves easier terms for themself, whatever office they hold.
  if (loan.applicantPersonId === approverPersonId)
    throw new DomainError('loans.self_reschedule_forbidden');
  const roles = await findPersonRoles(ctx.tx, ctx.cooperativeId, approverPersonId);
  if (!roles.some((role) => (deciderRoles as readonly string[]).includes(role)))
    throw new DomainError('auth.forbidden');
  const asOf = businessDateOf(ctx.now);
  assertEffectiveDate(asOf, input.effectiveDate);
  const rows = await listInstallments(ctx.tx, ctx.cooperativeId, loan.id);
  const version = rows[0]?.scheduleVersion ?? 1;
  const schedule = scheduleOf(rows);
  const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
  // The denda owed today, exactly as a repayment would charge it: that is what is waived.
  const position = await accruedPositionOf(ctx, loan, schedule, repayments, asOf);
  // Only interest or denda left: nothing to spread over a new schedule; the member pays it off.
  if (position.principalOutstanding === 0n) throw new DomainError('loans.nothing_to_reschedule');
  const rate = input.newRateBpsPerMonth ?? loan.interestRateBpsPerMonth;
  const plan = planReschedule({
    schedule,
    paid: position.paid,
    method: loan.interestMethod,
    frequency: loan.frequency,
    newInstallments: input.newInstallments,
    interestRateBpsPerMonth: rate,
    effectiveDate: input.effectiveDate,
  });
  const paidPartLength = plan.schedule.length - plan.newInstallments.length;
  if (plan.schedule.length > maxScheduleInstallments)
    throw new DomainError('loans.reschedule_tenor_too_long', {
      maximum: String(maxScheduleInstallments - paidPartLength),
    });
  await insertInstallments(
    ctx.tx,
    plan.schedule.map((installment) => ({
      cooperativeId: ctx.cooperativeId,
      loanId: loan.id,
      scheduleVersion: version + 1,
      ...installment,
    })),
  );
  const lastBefore = schedule.at(-1);
  const lastAfter = plan.schedule.at(-1);
  assert(lastBefore && lastAfter, 'a running loan and its reschedule have installments');
  await insertReschedule(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    loanId: loan.id,
    scheduleVersion: version + 1,
    effectiveDate: input.effectiveDate,
    reason: input.reason,
    principalOutstanding: plan.principalOutstanding,
    interestCarried: plan.interestCarried,
    penaltyWaived: position.penaltyDue,
    installmentsBefore: schedule.length,
    remainingInstallmentsBefore: plan.remainingInstallmentsBefore,
    interestRateBpsPerMonthBefore: loan.interestRateBpsPerMonth,
    lastDueDateBefore: lastBefore.dueDate,
    installmentsAfter: plan.schedule.length,
    newInstallments: input.newInstallments,
    interestRateBpsPerMonthAfter: rate,
    lastDueDateAfter: lastAfter.dueDate,
    approvedBy: approverPersonId,
    approverRoles: roles,
    approvedAt: ctx.now,
    idempotencyKey: key,
  });
  await setLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
    installments: plan.schedule.length,
    interestRateBpsPerMonth: rate,
  });
  return getLoanDetail(ctx, loan.id);
}

/**
 * A new schedule starts today or within maxRescheduleLeadDays: never in the past, where its
 * first installments would be overdue the moment they are agreed.
 * Refuses: loans.reschedule_date_invalid.
 */
function assertEffectiveDate(asOf: string, effectiveDate: string) {
  const leadDays = daysBetween(asOf, effectiveDate);
  if (leadDays < 0 || leadDays > maxRescheduleLeadDays)
    throw new DomainError('loans.reschedule_date_invalid', {
      effectiveDate,
      earliest: asOf,
      maximumDays: String(maxRescheduleLeadDays),
    });
}
