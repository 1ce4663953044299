import { DomainError } from '../../../platform/domain-error.js';
import { checkFacilityRoom, monthlyRateBpsOf } from '../rules/bank-channeling.js';
import { setChanneledLoanFields, sumAssignedExposure } from '../bank-facilities.sql.js';
import type { LoansContext } from '../loans.types.js';
import { getChanneledLoan, getChanneledLoanDetail } from '../queries/get-bank-channeled-loan.js';
import { getLoan } from '../queries/get-loan.js';
import { getFacility } from './bank-facility-support.js';

/**
 * Records the bank's answer on a channeled loan: approved (with the bank's amount, rate and
 * tenor; by default the amount applied for, the facility's rate and the tenor applied for) or
 * rejected, with the bank's reference, the day the bank decided and who recorded it.
 *
 * Refuses: loans.loan_not_found, loans.channeling_not_found,
 * loans.bank_decision_already_recorded, loans.facility_plafond_exceeded,
 * loans.facility_quota_exceeded.
 */
export async function recordChannelingBankDecision(
  ctx: LoansContext,
  input: {
    loanId: string;
    decision: 'approved' | 'rejected';
    bankReference: string;
    decidedOn: string;
    note: string | null;
    approvedAmount: bigint | null;
    interestRateBpsPerMonth: number | null;
    installments: number | null;
  },
) {
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  const channeled = await getChanneledLoan(ctx, loan.id, { lock: true });
  // The bank answers once; a changed answer is a new application.
  if (channeled.status !== 'menunggu_bank')
    throw new DomainError('loans.bank_decision_already_recorded');
  const facility = await getFacility(ctx, channeled.facilityId, { lock: true });
  const principal = input.approvedAmount ?? loan.amount;
  // More than was applied for must still fit the plafond and the member's quota.
  if (input.decision === 'approved' && principal > loan.amount) {
    const increase = principal - loan.amount;
    const exposure = (membershipId: string | null) =>
      sumAssignedExposure(ctx.tx, ctx.cooperativeId, { facilityId: facility.id, membershipId });
    const room = checkFacilityRoom({
      amount: increase,
      plafond: facility.plafond,
      held: await exposure(null),
      quotaPerMember: facility.quotaPerMember,
      heldByMember: await exposure(loan.membershipId),
    });
    if (!room.ok) throw new DomainError(room.code, { available: room.available.toString() });
  }
  const isApproved = input.decision === 'approved';
  await setChanneledLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
    status: isApproved ? 'disetujui_bank' : 'ditolak_bank',
    bankDecision: input.decision,
    bankReference: input.bankReference,
    bankDecidedOn: input.decidedOn,
    bankDecisionNote: input.note,
    bankDecisionRecordedBy: ctx.actorPersonId,
    bankDecisionRecordedAt: ctx.now,
    ...(isApproved
      ? {
          principal,
          interestRateBpsPerMonth: input.interestRateBpsPerMonth ?? monthlyRateBpsOf(facility),
          installments: input.installments ?? loan.installments,
        }
      : {}),
  });
  return getChanneledLoanDetail(ctx, loan.id);
}
