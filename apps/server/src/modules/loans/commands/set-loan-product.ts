import { DomainError } from '../../../platform/domain-error.js';
import { findAccountIdsByCode, upsertProductRow } from '../loans.sql.js';
import { loanControlCode, type LoanProduct, type LoansContext } from '../loans.types.js';
import { getLoanProduct } from '../queries/get-loan-products.js';

/**
 * Sets one loan product as the pengurus decided (created or replaced by its code). Running loans
 * keep the terms copied onto them when they were applied for.
 * Refuses: loans.lending_unavailable.
 */
export async function setLoanProduct(ctx: LoansContext, product: LoanProduct) {
  await assertLendingAvailable(ctx);
  await upsertProductRow(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    ...product,
    approvalTiers: product.approvalTiers.map((tier) => ({
      upTo: tier.upTo === null ? null : tier.upTo.toString(),
      approvals: tier.approvals,
      requiresKetua: tier.requiresKetua,
    })),
    updatedAt: ctx.now,
    updatedBy: ctx.actorPersonId,
  });
  return getLoanProduct(ctx, product.code);
}

/** Only a chart with Piutang pinjaman anggota lends. Refuses: loans.lending_unavailable. */
export async function assertLendingAvailable(ctx: Pick<LoansContext, 'tx' | 'cooperativeId'>) {
  const accounts = await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [loanControlCode]);
  if (!accounts.has(loanControlCode))
    throw new DomainError('loans.lending_unavailable', { controlCode: loanControlCode });
}
