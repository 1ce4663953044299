import type { SavingsContext, SavingsProducts } from '../savings.types.js';
import {
  findProducts,
  insertProductsIfMissing,
  readBylawsAmounts,
  type ProductsRow,
} from '../savings.sql.js';

export function productsOf(row: ProductsRow): SavingsProducts {
  return {
    pokok: { amount: row.pokokAmount },
    wajib: { monthlyAmount: row.wajibMonthlyAmount },
    sukarela: {
      interestRateBps: row.sukarelaInterestRateBps,
      minimumBalance: row.sukarelaMinimumBalance,
    },
    berjangka: {
      termMonths: row.berjangkaTermMonths,
      interestRateBps: row.berjangkaInterestRateBps,
      maturityAction: row.berjangkaMaturityAction,
      earlyBreakPenaltyBps: row.berjangkaEarlyBreakPenaltyBps,
    },
  };
}

/**
 * The cooperative's savings products. The first read creates them from the AD/ART amounts the
 * cooperative registered with (pokok, wajib) and conservative defaults for the rest (sukarela 3%
 * a year, no minimum; berjangka 12 months at 6%, paid out to sukarela, 1% early-break penalty).
 */
export async function getSavingsProducts(
  ctx: Pick<SavingsContext, 'tx' | 'cooperativeId' | 'now'>,
): Promise<SavingsProducts> {
  const found = await findProducts(ctx.tx, ctx.cooperativeId);
  if (found) return productsOf(found);
  const bylaws = await readBylawsAmounts(ctx.tx, ctx.cooperativeId);
  await insertProductsIfMissing(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    pokokAmount: BigInt(bylaws?.pokok ?? '100000'),
    wajibMonthlyAmount: BigInt(bylaws?.wajib ?? '25000'),
    sukarelaInterestRateBps: 300,
    sukarelaMinimumBalance: 0n,
    berjangkaTermMonths: 12,
    berjangkaInterestRateBps: 600,
    berjangkaMaturityAction: 'to_sukarela',
    berjangkaEarlyBreakPenaltyBps: 100,
    updatedAt: ctx.now,
    updatedBy: null,
  });
  const created = await findProducts(ctx.tx, ctx.cooperativeId);
  if (!created) throw new Error('the products just inserted are visible');
  return productsOf(created);
}
