import { getMember } from '../../members/index.js';
import { findPartnerBankRow } from '../bank-facilities.sql.js';
import { businessDateOf, type LoansReadContext } from '../loans.types.js';
import { getChanneledLoan } from './get-bank-channeled-loan.js';
import { getBankFacility } from './get-bank-facility.js';
import { getLoanDetail } from './get-loan.js';

/**
 * What the cooperative sends the bank for a channeled loan: the member's identity, the loan
 * asked for (amount, tenor, purpose), the assessment factor by factor, guarantors and
 * collateral, and the board's approvals. Read from the loans queries; nothing is written.
 * Refuses: loans.loan_not_found, loans.channeling_not_found.
 */
export async function getBankChannelingPackage(ctx: LoansReadContext, loanId: string) {
  const channeled = await getChanneledLoan(ctx, loanId);
  const loan = await getLoanDetail(ctx, loanId);
  const member = await getMember(ctx, loan.membershipId);
  const facility = await getBankFacility(ctx, channeled.facilityId);
  const bank = await findPartnerBankRow(ctx.tx, ctx.cooperativeId, facility.bankId);
  return {
    preparedOn: businessDateOf(ctx.now),
    bank: { code: bank?.code ?? '', name: bank?.name ?? '' },
    facility: { agreementNumber: facility.agreementNumber, kind: facility.kind },
    member: {
      memberNumber: member.memberNumber,
      fullName: member.fullName,
      nik: member.nik,
      phone: member.phone,
      address: member.address,
      village: member.village,
      occupationSegment: member.occupationSegment,
      employer: member.employer,
      joinedOn: member.joinedOn,
    },
    loan: {
      id: loan.id,
      productCode: loan.productCode,
      amount: loan.amount,
      installments: loan.installments,
      frequency: loan.frequency,
      purpose: loan.purpose,
      declaredMonthlyIncome: loan.declaredMonthlyIncome,
      appliedAt: loan.appliedAt,
      status: loan.status,
    },
    assessment: loan.assessment,
    guarantors: loan.guarantors,
    collateral: loan.collateral,
    decisions: loan.decisions.filter((decision) => decision.decision === 'approve'),
  };
}

export type BankChannelingPackage = Awaited<ReturnType<typeof getBankChannelingPackage>>;
