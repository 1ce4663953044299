import { DomainError } from '../../../platform/domain-error.js';
import { findProductRow, listProductRows } from '../loans.sql.js';
import type { LoanProduct, LoanProductRow, LoansReadContext } from '../loans.types.js';

export function productOf(row: LoanProductRow): LoanProduct & { updatedAt: Date } {
  return {
    code: row.code,
    name: row.name,
    interestMethod: row.interestMethod,
    interestRateBpsPerMonth: row.interestRateBpsPerMonth,
    tenors: row.tenors,
    frequency: row.frequency,
    adminFeeBps: row.adminFeeBps,
    provisionFeeBps: row.provisionFeeBps,
    feeTreatment: row.feeTreatment,
    penaltyBpsPerDay: row.penaltyBpsPerDay,
    graceInstallments: row.graceInstallments,
    plafondSavingsMultiple: row.plafondSavingsMultiple,
    minAmount: row.minAmount,
    maxAmount: row.maxAmount,
    membersOnly: row.membersOnly,
    approvalTiers: row.approvalTiers.map((tier) => ({
      upTo: tier.upTo === null ? null : BigInt(tier.upTo),
      approvals: tier.approvals,
      requiresKetua: tier.requiresKetua,
    })),
    collectibilityScheme: row.collectibilityScheme,
    isActive: row.isActive,
    updatedAt: row.updatedAt,
  };
}

/** The cooperative's loan products by code, retired ones included (isActive false). */
export async function listLoanProducts(ctx: Pick<LoansReadContext, 'tx' | 'cooperativeId'>) {
  return { items: (await listProductRows(ctx.tx, ctx.cooperativeId)).map(productOf) };
}

/** Refuses: loans.product_not_found. */
export async function getLoanProduct(
  ctx: Pick<LoansReadContext, 'tx' | 'cooperativeId'>,
  code: string,
) {
  const row = await findProductRow(ctx.tx, ctx.cooperativeId, code);
  if (!row) throw new DomainError('loans.product_not_found', { code });
  return productOf(row);
}
