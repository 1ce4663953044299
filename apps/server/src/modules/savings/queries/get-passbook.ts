import { DomainError } from '../../../platform/domain-error.js';
import { getGeneralLedger } from '../../ledger/index.js';
import { getMember } from '../../members/index.js';
import { findSavingsAccount } from '../savings.sql.js';
import { kindOfControlCode, type SavingsReadContext } from '../savings.types.js';

/** The savings account and its owner. Refuses: savings.account_not_found. */
export async function getSavingsAccount(ctx: SavingsReadContext, accountId: string) {
  const account = await findSavingsAccount(ctx.tx, ctx.cooperativeId, accountId);
  const kind = account ? kindOfControlCode[account.controlCode] : undefined;
  if (!account || !kind) throw new DomainError('savings.account_not_found');
  return { ...account, kind };
}

/**
 * A savings account's passbook between two dates: the opening balance, then each posting with
 * the balance after it (the general ledger of the sub-account, paged by its cursor).
 * Refuses: savings.account_not_found.
 */
export async function getPassbook(
  ctx: SavingsReadContext,
  input: { accountId: string; from: string; to: string; cursor: string | null; limit: number },
) {
  const account = await getSavingsAccount(ctx, input.accountId);
  const member = await getMember(ctx, account.ownerMembershipId);
  const ledger = await getGeneralLedger(ctx, input);
  return {
    account: { id: account.id, code: account.code, name: account.name, kind: account.kind },
    member: {
      membershipId: member.membershipId,
      memberNumber: member.memberNumber ?? '',
      fullName: member.fullName,
    },
    from: ledger.from,
    to: ledger.to,
    openingBalance: ledger.openingBalance,
    lines: ledger.lines.map((line) => ({
      entryId: line.entryId,
      businessDate: line.businessDate,
      description: line.memo,
      debit: line.side === 'debit' ? line.amount : 0n,
      credit: line.side === 'credit' ? line.amount : 0n,
      balance: line.runningBalance,
    })),
    nextCursor: ledger.nextCursor,
  };
}

export type Passbook = Awaited<ReturnType<typeof getPassbook>>;
