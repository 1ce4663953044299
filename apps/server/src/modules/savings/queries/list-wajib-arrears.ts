import { computeWajibArrears } from '../rules/wajib-arrears.js';
import { listWajibPaid } from '../savings.sql.js';
import { controlCodeOf, type SavingsContext } from '../savings.types.js';
import { getSavingsProducts } from './get-savings-products.js';

/** Aktif members whose simpanan wajib paid by `asOf` is short of one monthly amount per month since joining. */
export async function listWajibArrears(
  ctx: Pick<SavingsContext, 'tx' | 'cooperativeId' | 'now'>,
  input: { asOf: string },
) {
  const products = await getSavingsProducts(ctx);
  const monthlyAmount = products.wajib.monthlyAmount;
  const rows = await listWajibPaid(ctx.tx, ctx.cooperativeId, {
    controlCode: controlCodeOf.wajib,
    asOf: input.asOf,
  });
  const items = rows
    .map((row) => ({
      ...row,
      ...computeWajibArrears({
        joinedOn: row.joinedOn,
        asOf: input.asOf,
        monthlyAmount,
        paid: row.paid,
      }),
    }))
    .filter((row) => row.amountOwed > 0n);
  return { asOf: input.asOf, monthlyAmount, items };
}
