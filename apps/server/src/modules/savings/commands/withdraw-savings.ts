import { DomainError } from '../../../platform/domain-error.js';
import { getCurrentBalance, lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { findAccountIdsByCode } from '../savings.sql.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { findWithdrawalRefusal } from '../rules/withdrawal.js';
import {
  businessDateOf,
  cashCode,
  type SavingsContext,
  type SavingsKind,
  type SavingsReceipt,
} from '../savings.types.js';
import {
  getActiveMember,
  getOpenSession,
  ledgerKeyOf,
  openSavingsAccount,
  receiptOf,
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
  const cash = (await findAccountIdsByCode(ctx.tx, ctx.cooperativeId, [cashCode])).get(cashCode);
  if (!cash) throw new DomainError('ledger.account_not_found');
  const posted = await postJournalEntry(ctx, {
    businessDate: businessDateOf(ctx.now),
    lines: [
      { accountId: account.id, side: 'debit', amount: input.amount },
      { accountId: cash, side: 'credit', amount: input.amount },
    ],
    sourceType: 'savings.withdrawal',
    sourceId: session.id,
    memo: input.memo ?? `Penarikan simpanan ${input.kind} ${member.memberNumber ?? ''}`,
    idempotencyKey: ledgerKeyOf(ctx, 'withdrawal'),
    postedBy: ctx.actorPersonId,
  });
  return receiptOf(ctx, {
    type: 'withdrawal',
    kind: input.kind,
    member,
    accountId: account.id,
    amount: input.amount,
    posted,
    sessionId: session.id,
  });
}
