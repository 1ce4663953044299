import { DomainError } from '../../../platform/domain-error.js';
import { checkFacilityRoom } from '../rules/bank-channeling.js';
import {
  findAssignmentRow,
  insertAssignment,
  insertChanneledLoan,
  sumAssignedExposure,
} from '../bank-facilities.sql.js';
import { listRepayments } from '../loans.sql.js';
import type { BankFacilityRow, LoanRow, LoansContext } from '../loans.types.js';
import { getLoan } from '../queries/get-loan.js';
import { getFacility } from './bank-facility-support.js';

/**
 * Names a bank facility as a member loan's funding source. Executing: the loan stays an ordinary
 * cooperative loan (any loan not rejected or repaid), now counted against the facility.
 * Channeling: the board has approved it (disetujui, not disbursed); it becomes the bank's
 * case, awaiting the bank's decision, and the cooperative will never disburse it itself. Either
 * way the loan must fit the plafond left and the member's quota.
 *
 * Refuses: loans.loan_not_found, loans.facility_not_found, loans.facility_inactive,
 * loans.loan_already_assigned, loans.loan_not_assignable, loans.facility_plafond_exceeded,
 * loans.facility_quota_exceeded.
 */
export async function assignLoanToFacility(
  ctx: LoansContext,
  input: { loanId: string; facilityId: string },
) {
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  // One loan, one funding source: a second would count it twice.
  if (await findAssignmentRow(ctx.tx, ctx.cooperativeId, loan.id))
    throw new DomainError('loans.loan_already_assigned');
  const facility = await getFacility(ctx, input.facilityId, { lock: true });
  if (facility.status !== 'aktif') throw new DomainError('loans.facility_inactive');
  if (!isAssignable(loan, facility.kind))
    throw new DomainError('loans.loan_not_assignable', { status: loan.status });
  const room = checkFacilityRoom({
    amount: await exposureOf(ctx, loan, facility.kind),
    plafond: facility.plafond,
    held: await sumAssignedExposure(ctx.tx, ctx.cooperativeId, {
      facilityId: facility.id,
      membershipId: null,
    }),
    quotaPerMember: facility.quotaPerMember,
    heldByMember: await sumAssignedExposure(ctx.tx, ctx.cooperativeId, {
      facilityId: facility.id,
      membershipId: loan.membershipId,
    }),
  });
  if (!room.ok) throw new DomainError(room.code, { available: room.available.toString() });
  const row = {
    cooperativeId: ctx.cooperativeId,
    loanId: loan.id,
    facilityId: facility.id,
    fundingKind: facility.kind,
    assignedAt: ctx.now,
    assignedBy: ctx.actorPersonId,
  };
  if (!(await insertAssignment(ctx.tx, row))) throw new DomainError('loans.loan_already_assigned');
  if (facility.kind === 'channeling') await insertChanneledLoan(ctx.tx, awaitingBankOf(ctx, row));
  const { cooperativeId: _cooperative, assignedBy: _by, ...view } = row;
  return view;
}

/** Channeling passes the board gate first and the bank pays out; executing funds any live loan. */
function isAssignable(loan: LoanRow, kind: BankFacilityRow['kind']): boolean {
  if (kind === 'channeling') return loan.status === 'disetujui';
  return loan.status === 'diajukan' || loan.status === 'disetujui' || loan.status === 'aktif';
}

/** What the loan will hold of the facility: the amount the bank lends, or principal outstanding. */
async function exposureOf(ctx: LoansContext, loan: LoanRow, kind: BankFacilityRow['kind']) {
  if (kind === 'channeling') return loan.amount;
  if (loan.status !== 'aktif') return loan.principal;
  const repayments = await listRepayments(ctx.tx, ctx.cooperativeId, loan.id);
  return repayments.reduce((outstanding, row) => outstanding - row.principal, loan.principal);
}

function awaitingBankOf(
  ctx: LoansContext,
  assignment: { loanId: string; facilityId: string },
): Parameters<typeof insertChanneledLoan>[1] {
  return {
    cooperativeId: ctx.cooperativeId,
    loanId: assignment.loanId,
    facilityId: assignment.facilityId,
    status: 'menunggu_bank',
    bankDecision: null,
    bankReference: null,
    bankDecidedOn: null,
    bankDecisionNote: null,
    bankDecisionRecordedBy: null,
    bankDecisionRecordedAt: null,
    principal: null,
    interestRateBpsPerMonth: null,
    installments: null,
    payout: null,
    disbursedOn: null,
    disbursementReference: null,
    disbursementEntryId: null,
    disbursementKey: null,
    disbursedBy: null,
    closedOn: null,
    createdAt: ctx.now,
  };
}
