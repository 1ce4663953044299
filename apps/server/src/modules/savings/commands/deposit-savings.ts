import { DomainError } from '../../../platform/domain-error.js';
import { getCurrentBalance, lockLedgerForPosting } from '../../ledger/index.js';
import { getSavingsProducts } from '../queries/get-savings-products.js';
import { type SavingsContext, type SavingsKind, type SavingsReceipt } from '../savings.types.js';
import {
  getActiveMember,
  getOpenSession,
  openSavingsAccount,
  postTellerCashMove,
} from './savings-account.js';

/**
 * A member pays cash at the teller into simpanan pokok, wajib or sukarela: Dr Kas, Cr the
 * member's sub-account, inside the teller's open session.
 *
 * Refuses: savings.session_not_open, members.member_not_found, members.not_active,
 * savings.pokok_exceeds_amount, ledger.period_closed.
 */
export async function depositSavings(
  ctx: SavingsContext,
  input: { membershipId: string; kind: SavingsKind; amount: bigint; memo?: string | undefined },
): Promise<SavingsReceipt> {
  const session = await getOpenSession(ctx);
  const member = await getActiveMember(ctx, input.membershipId);
  const account = await openSavingsAccount(ctx, member, input.kind);
  if (input.kind === 'pokok') {
    const products = await getSavingsProducts(ctx);
    // Pokok is one amount, the same for every member: it may come in parts but never exceed it.
    // The posting turn first, so the check and the posting see the same balance. Other deposits
    // check nothing and take the turn only to post, which keeps it short.
    await lockLedgerForPosting(ctx);
    const { balance } = await getCurrentBalance(ctx, account.id);
    const remaining = products.pokok.amount - balance;
    if (input.amount > remaining)
      throw new DomainError('savings.pokok_exceeds_amount', { remaining: remaining.toString() });
  }
  return postTellerCashMove(ctx, {
    type: 'deposit',
    kind: input.kind,
    member,
    accountId: account.id,
    amount: input.amount,
    sessionId: session.id,
    memo: input.memo ?? `Setoran simpanan ${input.kind} ${member.memberNumber ?? ''}`,
  });
}
