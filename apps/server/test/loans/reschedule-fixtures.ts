import {
  applyForLoan,
  decideLoanApplication,
  disburseLoan,
  setLoanProduct,
  type LoanProduct,
} from '../../src/modules/loans/index.js';
import type { Database } from '../../src/platform/db/database.js';
import { inLoans } from './loans-fixtures.js';

/** A flat 1%-a-month monthly product, fees none, one approver (the arithmetic stays readable). */
export const plainFlatProduct: LoanProduct = {
  code: 'DATAR',
  name: 'Pinjaman datar',
  interestMethod: 'flat',
  interestRateBpsPerMonth: 100,
  tenors: [6, 12],
  frequency: 'monthly',
  adminFeeBps: 0,
  provisionFeeBps: 0,
  feeTreatment: 'deducted',
  penaltyBpsPerDay: 10,
  graceInstallments: 0,
  plafondSavingsMultiple: null,
  minAmount: 100_000n,
  maxAmount: 50_000_000n,
  membersOnly: true,
  approvalTiers: [{ upTo: null, approvals: 1, requiresKetua: false }],
  collectibilityScheme: 'KSP_2009',
  isActive: true,
};

export const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) });

export function givenPlainFlatProduct(db: Database, cooperativeId: string, personId: string) {
  return inLoans(db, cooperativeId, personId, (ctx) => setLoanProduct(ctx, plainFlatProduct));
}

/**
 * A loan of the plain flat product applied for, approved by `approverPersonId` and disbursed to
 * the member's sukarela on `disbursedOn` (installments fall on the same day each month).
 */
export async function givenRunningLoan(
  db: Database,
  cooperativeId: string,
  input: {
    membershipId: string;
    amount: bigint;
    installments: number;
    officerPersonId: string;
    approverPersonId: string;
    disbursedOn?: string;
    /** The moment of every step, when the day alone does not order two loans. */
    now?: Date;
  },
) {
  const when = input.now ? { now: input.now } : at(input.disbursedOn ?? '2026-03-02');
  const applied = await inLoans(
    db,
    cooperativeId,
    input.officerPersonId,
    (ctx) =>
      applyForLoan(ctx, {
        membershipId: input.membershipId,
        productCode: plainFlatProduct.code,
        amount: input.amount,
        installments: input.installments,
        purpose: 'Modal usaha tenun',
        declaredMonthlyIncome: 10_000_000n,
        guarantors: [],
        collateral: [],
        appliedVia: 'officer',
      }),
    when,
  );
  await inLoans(
    db,
    cooperativeId,
    input.approverPersonId,
    (ctx) =>
      decideLoanApplication(ctx, { loanId: applied.id, decision: 'approve', reason: 'Layak' }),
    when,
  );
  return inLoans(
    db,
    cooperativeId,
    input.officerPersonId,
    (ctx) => disburseLoan(ctx, { loanId: applied.id, channel: 'sukarela' }),
    when,
  );
}
