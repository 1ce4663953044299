import { savingsKinds } from '@lumbung/shared/contracts/savings';
import { getCurrentBalance } from '../../ledger/index.js';
import { getMember } from '../../members/index.js';
import { listMemberSavingsAccounts } from '../savings.sql.js';
import { controlCodeOf, type SavingsReadContext } from '../savings.types.js';
import { listMemberTermDeposits } from '../term-deposits.schema.js';

/**
 * Every savings balance of one member (the member app's home, the teller's member screen).
 * A kind not yet opened shows zero. Refuses: members.member_not_found.
 */
export async function getMemberSavings(ctx: SavingsReadContext, membershipId: string) {
  const member = await getMember(ctx, membershipId);
  const opened = await listMemberSavingsAccounts(ctx.tx, ctx.cooperativeId, membershipId);
  // One transaction runs one query at a time: read the balances in turn.
  const accounts = [];
  for (const kind of savingsKinds) {
    const account = opened.find((row) => row.controlCode === controlCodeOf[kind]);
    if (!account) {
      accounts.push({ kind, accountId: null, code: null, balance: 0n, available: 0n });
      continue;
    }
    const { balance, available } = await getCurrentBalance(ctx, account.id);
    accounts.push({ kind, accountId: account.id, code: account.code, balance, available });
  }
  // Running term deposits are the member's savings too (simpanan berjangka, 2-1202).
  const running = (await listMemberTermDeposits(ctx.tx, ctx.cooperativeId, membershipId)).filter(
    (deposit) => deposit.closure === null,
  );
  const termDepositPrincipal = running.reduce((sum, deposit) => sum + deposit.principal, 0n);
  return {
    membershipId: member.membershipId,
    memberNumber: member.memberNumber,
    fullName: member.fullName,
    status: member.status,
    accounts,
    termDeposits: { count: running.length, principal: termDepositPrincipal },
    total: accounts.reduce((sum, account) => sum + account.balance, 0n) + termDepositPrincipal,
  };
}
