import { DomainError } from '../../../platform/domain-error.js';
import { getCurrentBalance } from '../../ledger/index.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { findWithdrawalRefusal } from '../rules/withdrawal.js';
import { insertSessionEntry } from '../savings.sql.js';
import type { SavingsContext } from '../savings.types.js';

/**
 * Counts another module's cash entry (a loan disbursed or repaid in cash) in the teller's open
 * session, so the drawer's expected cash at closing includes it. Call after posting the entry,
 * with the session from getOpenSession.
 */
export async function recordTellerCashEntry(
  ctx: Pick<SavingsContext, 'tx' | 'cooperativeId'>,
  input: { sessionId: string; entryId: string },
): Promise<void> {
  await insertSessionEntry(ctx.tx, { cooperativeId: ctx.cooperativeId, ...input });
}

/**
 * Whether `amount` may leave a member's sukarela account for another module (a loan repayment
 * from savings), by the same rule as a withdrawal: never below the product's minimum balance.
 * Call after lockLedgerForPosting, so the balance read here is the one the posting spends.
 * Refuses: savings.insufficient_balance, ledger.account_not_found.
 */
export async function assertSukarelaCanPay(
  ctx: Pick<SavingsContext, 'tx' | 'cooperativeId' | 'now'>,
  input: { accountId: string; amount: bigint },
): Promise<void> {
  const products = await getSavingsProducts(ctx);
  const { available } = await getCurrentBalance(ctx, input.accountId);
  const refusal = findWithdrawalRefusal({
    kind: 'sukarela',
    available,
    minimumBalance: products.sukarela.minimumBalance,
    amount: input.amount,
  });
  if (refusal) throw new DomainError(refusal.code, refusal.params);
}
