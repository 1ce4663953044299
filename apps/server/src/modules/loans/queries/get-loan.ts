import { DomainError } from '../../../platform/domain-error.js';
import { findAssignmentRow } from '../bank-facilities.sql.js';
import {
  findLoanRow,
  findMemberNames,
  listAssessments,
  listCollateral,
  listDecisions,
  listGuarantors,
  listInstallments,
  listRepayments,
  listReschedules,
  listSupersededInstallments,
  findPersonNames,
  type LoanAssessmentRow,
} from '../loans.sql.js';
import { businessDateOf, type LoanRow, type LoansReadContext } from '../loans.types.js';
import { accruedPositionOf } from '../commands/accrued-position.js';
import { installmentsWithPayments, scheduleOf } from '../commands/loan-position.js';
import { approvalStateOf } from '../commands/loan-approvals.js';

/** Refuses: loans.loan_not_found. */
export async function getLoan(
  ctx: Pick<LoansReadContext, 'tx' | 'cooperativeId'>,
  loanId: string,
  options: { lock?: boolean } = {},
): Promise<LoanRow> {
  const row = await findLoanRow(ctx.tx, ctx.cooperativeId, loanId, options.lock ?? false);
  if (!row) throw new DomainError('loans.loan_not_found');
  return row;
}

export function assessmentViewOf(row: LoanAssessmentRow | undefined) {
  if (!row) return null;
  return {
    score: row.score,
    grade: row.grade,
    factors: row.factors,
    inputs: row.inputs,
    proposedInstallment: row.proposedInstallment,
    installmentToIncomeBps: row.installmentToIncomeBps,
    isCapacityOk: row.isCapacityOk,
    assessedAt: new Date(row.assessedAt),
  };
}

export function decisionViewOf(row: Awaited<ReturnType<typeof listDecisions>>[number]) {
  return {
    id: row.id,
    personId: row.personId,
    personName: row.personName,
    roles: row.roles,
    decision: row.decision,
    reason: row.reason,
    decidedAt: new Date(row.decidedAt),
  };
}

export function summaryOf(
  loan: LoanRow,
  member: { number: string | null; name: string } | undefined,
) {
  return {
    id: loan.id,
    membershipId: loan.membershipId,
    memberNumber: member?.number ?? null,
    memberName: member?.name ?? '',
    productCode: loan.productCode,
    amount: loan.amount,
    principal: loan.principal,
    installments: loan.installments,
    frequency: loan.frequency,
    interestMethod: loan.interestMethod,
    interestRateBpsPerMonth: loan.interestRateBpsPerMonth,
    status: loan.status,
    appliedAt: loan.appliedAt,
    disbursedOn: loan.disbursedOn,
    closedOn: loan.closedOn,
  };
}

/**
 * A loan or application with everything the committee, the teller and the member see: terms,
 * guarantors, collateral, assessment, decisions, schedule (paid and due per installment),
 * reschedules (each with the schedule it superseded), repayments and today's position.
 * Refuses: loans.loan_not_found.
 */
export async function getLoanDetail(ctx: LoansReadContext, loanId: string) {
  const loan = await getLoan(ctx, loanId);
  const asOf = businessDateOf(ctx.now);
  const members = await findMemberNames(ctx.tx, ctx.cooperativeId, [loan.membershipId]);
  const guarantors = await listGuarantors(ctx.tx, ctx.cooperativeId, loan.id);
  const collateral = await listCollateral(ctx.tx, ctx.cooperativeId, loan.id);
  const [assessment] = await listAssessments(ctx.tx, ctx.cooperativeId, [loan.id]);
  const decisions = await listDecisions(ctx.tx, ctx.cooperativeId, [loan.id]);
  const schedule = scheduleOf(await listInstallments(ctx.tx, ctx.cooperativeId, loan.id));
  const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
  const reschedules = await rescheduleViewsOf(ctx, loan.id);
  const funding = await findAssignmentRow(ctx.tx, ctx.cooperativeId, loan.id);
  const isRunning = loan.status === 'aktif';
  // The denda a repayment would charge today (accrued, less paid and waived).
  const position = isRunning
    ? await accruedPositionOf(ctx, loan, schedule, repayments, asOf)
    : null;
  const paid = { principal: 0n, interest: 0n };
  let outstanding = loan.principal;
  const repaymentViews = repayments.map((row) => {
    paid.principal += row.principal;
    paid.interest += row.interest;
    outstanding -= row.principal;
    return repaymentViewOf(row, {
      principalOutstandingAfter: outstanding,
      loanStatus: loan.status,
    });
  });
  const fees = loan.adminFee + loan.provisionFee;
  return {
    ...summaryOf(loan, members.get(loan.membershipId)),
    applicantPersonId: loan.applicantPersonId,
    purpose: loan.purpose,
    declaredMonthlyIncome: loan.declaredMonthlyIncome,
    adminFee: loan.adminFee,
    provisionFee: loan.provisionFee,
    feeTreatment: loan.feeTreatment,
    penaltyBpsPerDay: loan.penaltyBpsPerDay,
    graceInstallments: loan.graceInstallments,
    collectibilityScheme: loan.collectibilityScheme,
    appliedVia: loan.appliedVia,
    appliedBy: loan.appliedBy,
    approvals: approvalStateOf(loan, decisions),
    guarantors: guarantors.map(({ fullName, nik, relation }) => ({ fullName, nik, relation })),
    collateral: collateral.map(({ kind, description, estimatedValue }) => ({
      kind,
      description,
      estimatedValue,
    })),
    assessment: assessmentViewOf(assessment),
    decisions: decisions.map(decisionViewOf),
    disbursement:
      loan.disbursementChannel && loan.disbursementEntryId && loan.disbursedAt
        ? {
            channel: loan.disbursementChannel,
            entryId: loan.disbursementEntryId,
            disbursedAt: loan.disbursedAt,
            disbursedBy: loan.disbursedBy,
            netAmount: loan.principal - fees,
          }
        : null,
    isAutoDebit: loan.isAutoDebit,
    funding: funding && {
      facilityId: funding.facilityId,
      fundingKind: funding.fundingKind,
      assignedAt: funding.assignedAt,
    },
    schedule: installmentsWithPayments(schedule, paid, {
      asOf,
      isClosed: loan.status === 'lunas',
    }),
    reschedules,
    repayments: repaymentViews,
    position: position && {
      asOf,
      principalOutstanding: position.principalOutstanding,
      principalPaid: position.paid.principal,
      interestPaid: position.paid.interest,
      penaltyPaid: position.paid.penalty,
      daysPastDue: position.daysPastDue,
      overduePrincipal: position.overduePrincipal,
      overdueInterest: position.overdueInterest,
      penaltyDue: position.penaltyDue,
      interestDue: position.interestDue,
      principalDue: position.principalDue,
      amountDue: position.penaltyDue + position.interestDue + position.principalDue,
      payoffAmount: position.payoffAmount,
    },
  };
}

export function repaymentViewOf(
  row: Awaited<ReturnType<typeof listRepayments>>[number],
  after: { principalOutstandingAfter: bigint; loanStatus: LoanRow['status'] },
) {
  return {
    id: row.id,
    loanId: row.loanId,
    paidOn: row.paidOn,
    channel: row.channel,
    amount: row.amount,
    penalty: row.penalty,
    interest: row.interest,
    principal: row.principal,
    isPayoff: row.isPayoff,
    entryId: row.entryId,
    sessionId: row.sessionId,
    receivedBy: row.receivedBy,
    ...after,
  };
}

/** A loan's reschedules, oldest first, each with the schedule version it superseded. */
async function rescheduleViewsOf(ctx: LoansReadContext, loanId: string) {
  const rows = await listReschedules(ctx.tx, ctx.cooperativeId, loanId);
  if (rows.length === 0) return [];
  const superseded = await listSupersededInstallments(ctx.tx, ctx.cooperativeId, loanId);
  const names = await findPersonNames(
    ctx.tx,
    rows.map((row) => row.approvedBy),
  );
  return rows.map((row) => ({
    id: row.id,
    scheduleVersion: row.scheduleVersion,
    effectiveDate: row.effectiveDate,
    reason: row.reason,
    principalOutstanding: row.principalOutstanding,
    interestCarried: row.interestCarried,
    penaltyWaived: row.penaltyWaived,
    before: {
      installments: row.installmentsBefore,
      remainingInstallments: row.remainingInstallmentsBefore,
      interestRateBpsPerMonth: row.interestRateBpsPerMonthBefore,
      lastDueDate: row.lastDueDateBefore,
    },
    after: {
      installments: row.installmentsAfter,
      newInstallments: row.newInstallments,
      interestRateBpsPerMonth: row.interestRateBpsPerMonthAfter,
      lastDueDate: row.lastDueDateAfter,
    },
    approvedBy: row.approvedBy,
    approverName: names.get(row.approvedBy) ?? '',
    approverRoles: row.approverRoles,
    approvedAt: row.approvedAt,
    supersededSchedule: superseded
      .filter((installment) => installment.scheduleVersion === row.scheduleVersion - 1)
      .map(({ number, dueDate, principal, interest, total, principalOutstandingAfter }) => ({
        number,
        dueDate,
        principal,
        interest,
        total,
        principalOutstandingAfter,
      })),
  }));
}
