import { DomainError } from '../../../platform/domain-error.js';
import { getCurrentBalance, lockLedgerForPosting } from '../../ledger/index.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { findWithdrawalRefusal } from '../rules/withdrawal.js';
import { type SavingsContext, type SavingsKind, type SavingsReceipt } from '../savings.types.js';
import {
  getActiveMember,
  getOpenSession,
  openSavingsAccount,
  postTellerCashMove,
} from './savings-account.js';

/**
 * A member takes cash out of simpanan sukarela at the teller: Dr the member's sub-account, Cr
 * Kas. The balance is read after taking the cooperative's posting turn, so two withdrawals can
 * never both spend the same rupiah: no overdraft, also under concurrency.
 *
 * Refuses: savings.session_not_open, members.member_not_found, members.not_active,
 * savings.not_withdrawable (pokok, wajib), savings.insufficient_balance, ledger.period_closed.
 */
export async function withdrawSavings(
  ctx: SavingsContext,
  input: { membershipId: string; kind: SavingsKind; amount: bigint; memo?: string | undefined },
): Promise<SavingsReceipt> {
  const session = await getOpenSession(ctx);
  const member = await getActiveMember(ctx, input.membershipId);
  const products = await getSavingsProducts(ctx);
  await lockLedgerForPosting(ctx);
  const account = await openSavingsAccount(ctx, member, input.kind);
  const { available } = await getCurrentBalance(ctx, account.id);
  const refusal = findWithdrawalRefusal({
    kind: input.kind,
    available,
    minimumBalance: products.sukarela.minimumBalance,
    amount: input.amount,
  });
  if (refusal) throw new DomainError(refusal.code, refusal.params);
  return postTellerCashMove(ctx, {
    type: 'withdrawal',
    kind: input.kind,
    member,
    accountId: account.id,
    amount: input.amount,
    sessionId: session.id,
    memo: input.memo ?? `Penarikan simpanan ${input.kind} ${member.memberNumber ?? ''}`,
  });
}
