import { DomainError } from '../../../platform/domain-error.js';
import {
  getCurrentBalance,
  listAccounts,
  lockLedgerForPosting,
  postJournalEntry,
} from '../../ledger/index.js';
import { recordMemberExit } from '../../members/index.js';
import { businessDateOf, type SavingsContext, type SavingsKind } from '../savings.types.js';
import { getActiveMember, ledgerKeyOf, openSavingsAccount } from './savings-account.js';
import { listMemberTermDeposits } from '../term-deposits.schema.js';

const kinds: readonly SavingsKind[] = ['sukarela', 'wajib', 'pokok'];

/**
 * A member leaves (keluar), dies (meninggal) or is expelled (diberhentikan): the position is
 * settled first — money still on hold (a pending bill payment) must resolve before — then
 * sukarela is paid out and pokok and wajib are returned (UU 25/1992; the AD/ART may set terms),
 * in cash, as one entry, and only then the membership ends. Outstanding loans come first once the
 * loans module exists (it will add its obligations here before the payout).
 *
 * Refuses: members.member_not_found, members.not_active, savings.exit_has_pending_holds,
 * savings.exit_has_term_deposits.
 */
export async function settleMemberExit(
  ctx: SavingsContext,
  input: { membershipId: string; status: 'keluar' | 'meninggal' | 'diberhentikan'; reason: string },
) {
  await lockLedgerForPosting(ctx);
  const member = await getActiveMember(ctx, input.membershipId);
  // A running term deposit is broken or matures first (its own rules: penalty, interest, tax).
  const running = (
    await listMemberTermDeposits(ctx.tx, ctx.cooperativeId, member.membershipId)
  ).filter((deposit) => deposit.closure === null);
  if (running.length > 0)
    throw new DomainError('savings.exit_has_term_deposits', { count: running.length });
  const positions = [];
  for (const kind of kinds) {
    const account = await openSavingsAccount(ctx, member, kind);
    const { balance, available } = await getCurrentBalance(ctx, account.id);
    if (available !== balance) throw new DomainError('savings.exit_has_pending_holds', { kind });
    positions.push({ kind, accountId: account.id, amount: balance });
  }
  const paid = positions.filter((position) => position.amount > 0n);
  const total = paid.reduce((sum, position) => sum + position.amount, 0n);
  const cash = (await listAccounts(ctx, { includeSubAccounts: false })).find(
    (account) => account.code === '1-1101',
  );
  if (!cash) throw new DomainError('ledger.account_not_found');
  const businessDate = businessDateOf(ctx.now);
  const posted =
    total > 0n
      ? await postJournalEntry(ctx, {
          businessDate,
          lines: [
            ...paid.map((position) => ({
              accountId: position.accountId,
              side: 'debit' as const,
              amount: position.amount,
            })),
            { accountId: cash.id, side: 'credit', amount: total },
          ],
          sourceType: 'savings.exit',
          sourceId: member.membershipId,
          memo: `Pengembalian simpanan anggota ${member.memberNumber ?? ''} ${member.fullName} (${input.status})`,
          idempotencyKey: ledgerKeyOf(ctx, 'exit'),
          postedBy: ctx.actorPersonId,
        })
      : null;
  await recordMemberExit(ctx, {
    membershipId: member.membershipId,
    status: input.status,
    leftOn: businessDate,
    reason: input.reason,
  });
  return {
    membershipId: member.membershipId,
    memberNumber: member.memberNumber ?? '',
    status: input.status,
    leftOn: businessDate,
    returned: positions.map((position) => ({ kind: position.kind, amount: position.amount })),
    total,
    entryId: posted?.id ?? null,
  };
}
