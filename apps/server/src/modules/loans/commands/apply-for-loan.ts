import { uuidv7 } from '@lumbung/shared/ids';
import { divRoundHalfUp } from '@lumbung/shared/money';
import { DomainError } from '../../../platform/domain-error.js';
import { getActiveMember } from '../../savings/index.js';
import { requiredApprovals } from '../rules/approval-tiers.js';
import { buildSchedule } from '../rules/schedule.js';
import { insertCollateral, insertGuarantors, insertLoan } from '../loans.sql.js';
import { businessDateOf, type LoanRow, type LoansContext } from '../loans.types.js';
import { getLoanDetail } from '../queries/get-loan.js';
import { getLoanProduct } from '../queries/get-loan-products.js';
import { assessLoanApplication } from './assess-loan-application.js';
import { assertLendingAvailable } from './set-loan-product.js';

export interface LoanApplicationInput {
  membershipId: string;
  productCode: string;
  amount: bigint;
  installments: number;
  purpose: string;
  declaredMonthlyIncome: bigint;
  guarantors: { fullName: string; nik: string; relation: string }[];
  collateral: { kind: string; description: string; estimatedValue: bigint }[];
  /** 'member' when the member applies in the app; 'officer' when an officer applies for them. */
  appliedVia: 'member' | 'officer';
}

/**
 * A member applies for a loan (or an officer for them): the product's terms, fees and approval
 * tier are copied onto the application, and the assessment is computed and stored with it.
 *
 * Refuses: loans.lending_unavailable, loans.product_not_found, loans.product_inactive,
 * loans.tenor_not_offered, loans.amount_out_of_range, members.member_not_found,
 * members.not_active.
 */
export async function applyForLoan(ctx: LoansContext, input: LoanApplicationInput) {
  await assertLendingAvailable(ctx);
  const product = await getLoanProduct(ctx, input.productCode);
  if (!product.isActive) throw new DomainError('loans.product_inactive', { code: product.code });
  if (!product.tenors.includes(input.installments))
    throw new DomainError('loans.tenor_not_offered', {
      installments: input.installments,
      tenors: product.tenors.join(', '),
    });
  const outOfRange = new DomainError('loans.amount_out_of_range', {
    minimum: product.minAmount.toString(),
    maximum: product.maxAmount.toString(),
  });
  if (input.amount < product.minAmount || input.amount > product.maxAmount) throw outOfRange;
  const member = await getActiveMember(ctx, input.membershipId);
  const adminFee = divRoundHalfUp(input.amount * BigInt(product.adminFeeBps), 10_000n);
  const provisionFee = divRoundHalfUp(input.amount * BigInt(product.provisionFeeBps), 10_000n);
  const fees = adminFee + provisionFee;
  // Financed fees are lent too; deducted fees leave the member the amount less the fees.
  const principal = product.feeTreatment === 'financed' ? input.amount + fees : input.amount;
  if (principal - fees <= 0n) throw outOfRange;
  const tier = requiredApprovals(principal, product.approvalTiers);
  const loan: LoanRow = {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    membershipId: member.membershipId,
    applicantPersonId: member.personId,
    productCode: product.code,
    amount: input.amount,
    principal,
    adminFee,
    provisionFee,
    feeTreatment: product.feeTreatment,
    interestMethod: product.interestMethod,
    interestRateBpsPerMonth: product.interestRateBpsPerMonth,
    installments: input.installments,
    frequency: product.frequency,
    penaltyBpsPerDay: product.penaltyBpsPerDay,
    graceInstallments: product.graceInstallments,
    collectibilityScheme: product.collectibilityScheme,
    plafondSavingsMultiple: product.plafondSavingsMultiple,
    requiredApprovals: tier.approvals,
    requiresKetua: tier.requiresKetua,
    purpose: input.purpose,
    declaredMonthlyIncome: input.declaredMonthlyIncome,
    status: 'diajukan',
    appliedAt: ctx.now,
    appliedBy: ctx.actorPersonId,
    appliedVia: input.appliedVia,
    decidedAt: null,
    loanAccountId: null,
    disbursedOn: null,
    disbursedAt: null,
    disbursedBy: null,
    disbursementChannel: null,
    disbursementEntryId: null,
    disbursementKey: null,
    closedOn: null,
    isAutoDebit: false,
  };
  await insertLoan(ctx.tx, loan);
  const owned = { cooperativeId: ctx.cooperativeId, loanId: loan.id };
  await insertGuarantors(
    ctx.tx,
    input.guarantors.map((guarantor, index) => ({ ...owned, position: index + 1, ...guarantor })),
  );
  await insertCollateral(
    ctx.tx,
    input.collateral.map((item, index) => ({ ...owned, position: index + 1, ...item })),
  );
  // The schedule as if disbursed today: what the member would pay, for the capacity factor.
  const proposedSchedule = buildSchedule({
    principal,
    interestRateBpsPerMonth: loan.interestRateBpsPerMonth,
    installments: loan.installments,
    method: loan.interestMethod,
    frequency: loan.frequency,
    disbursedOn: businessDateOf(ctx.now),
    graceInstallments: loan.graceInstallments,
  });
  await assessLoanApplication(ctx, { loan, member, proposedSchedule });
  return getLoanDetail(ctx, loan.id);
}
