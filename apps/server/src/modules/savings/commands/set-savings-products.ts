import { upsertProducts } from '../savings.sql.js';
import type { SavingsContext, SavingsProducts } from '../savings.types.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';

/**
 * The bendahara records the products the RAT decided. Changes apply from now on: past
 * postings and interest runs keep the figures they were made with. Refuses nothing (the
 * contract bounds every figure).
 */
export async function setSavingsProducts(ctx: SavingsContext, products: SavingsProducts) {
  await upsertProducts(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    pokokAmount: products.pokok.amount,
    wajibMonthlyAmount: products.wajib.monthlyAmount,
    sukarelaInterestRateBps: products.sukarela.interestRateBps,
    sukarelaMinimumBalance: products.sukarela.minimumBalance,
    berjangkaTermMonths: products.berjangka.termMonths,
    berjangkaInterestRateBps: products.berjangka.interestRateBps,
    berjangkaMaturityAction: products.berjangka.maturityAction,
    berjangkaEarlyBreakPenaltyBps: products.berjangka.earlyBreakPenaltyBps,
    updatedAt: ctx.now,
    updatedBy: ctx.actorPersonId,
  });
  return getSavingsProducts(ctx);
}
