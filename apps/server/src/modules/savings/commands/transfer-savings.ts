import { DomainError } from '../../../platform/domain-error.js';
import { getCurrentBalance, lockLedgerForPosting, postJournalEntry } from '../../ledger/index.js';
import { getMemberByNumber } from '../../members/index.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { findWithdrawalRefusal } from '../rules/withdrawal.js';
import { businessDateOf, type SavingsContext, type SavingsReceipt } from '../savings.types.js';
import { getActiveMember, ledgerKeyOf, openSavingsAccount, receiptOf } from './savings-account.js';

/**
 * A member moves simpanan sukarela to another member's sukarela account (the caller checked the
 * transaction PIN first): Dr the sender's sub-account, Cr the recipient's, no cash involved.
 *
 * Refuses: members.member_not_found, members.not_active, savings.transfer_to_self,
 * savings.insufficient_balance, ledger.period_closed.
 */
export async function transferSavings(
  ctx: SavingsContext,
  input: {
    fromMembershipId: string;
    toMemberNumber: string;
    amount: bigint;
    memo?: string | undefined;
  },
): Promise<SavingsReceipt> {
  const sender = await getActiveMember(ctx, input.fromMembershipId);
  const found = await getMemberByNumber(ctx, input.toMemberNumber);
  if (found.membershipId === sender.membershipId) throw new DomainError('savings.transfer_to_self');
  const recipient = await getActiveMember(ctx, found.membershipId);
  const products = await getSavingsProducts(ctx);
  await lockLedgerForPosting(ctx);
  const from = await openSavingsAccount(ctx, sender, 'sukarela');
  const { available } = await getCurrentBalance(ctx, from.id);
  const refusal = findWithdrawalRefusal({
    kind: 'sukarela',
    available,
    minimumBalance: products.sukarela.minimumBalance,
    amount: input.amount,
  });
  if (refusal) throw new DomainError(refusal.code, refusal.params);
  const to = await openSavingsAccount(ctx, recipient, 'sukarela');
  const posted = await postJournalEntry(ctx, {
    businessDate: businessDateOf(ctx.now),
    lines: [
      { accountId: from.id, side: 'debit', amount: input.amount },
      { accountId: to.id, side: 'credit', amount: input.amount },
    ],
    sourceType: 'savings.transfer',
    sourceId: sender.membershipId,
    memo:
      input.memo ??
      `Transfer simpanan sukarela ${sender.memberNumber ?? ''} ke ${recipient.memberNumber ?? ''}`,
    idempotencyKey: ledgerKeyOf(ctx, 'transfer'),
    postedBy: ctx.actorPersonId,
  });
  return receiptOf(ctx, {
    type: 'transfer',
    kind: 'sukarela',
    member: sender,
    accountId: from.id,
    amount: input.amount,
    posted,
    sessionId: null,
    counterparty: recipient,
  });
}
