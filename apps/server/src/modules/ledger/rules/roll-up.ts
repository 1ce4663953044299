import { signedBalance } from './signed-balance.js';
import type { AccountClass, Side } from '../ledger.schema.js';

export interface AccountTotals {
  id: string;
  code: string;
  name: string;
  class: AccountClass;
  normalSide: Side;
  parentAccountId: string | null;
  isControl: boolean;
  debitTotal: bigint;
  creditTotal: bigint;
  pendingDebit?: bigint;
  pendingCredit?: bigint;
  lineCount?: number;
}

/**
 * Adds every member sub-account's totals into its control account and drops the sub-accounts:
 * statements show one line "Simpanan sukarela", the member ledgers hold the detail.
 */
export function rollUpSubAccounts<T extends AccountTotals>(accounts: readonly T[]): T[] {
  const byId = new Map(accounts.map((account) => [account.id, { ...account }]));
  for (const account of accounts) {
    if (!account.parentAccountId) continue;
    const parent = byId.get(account.parentAccountId);
    if (!parent) continue;
    parent.debitTotal += account.debitTotal;
    parent.creditTotal += account.creditTotal;
    if (parent.pendingDebit !== undefined) parent.pendingDebit += account.pendingDebit ?? 0n;
    if (parent.pendingCredit !== undefined) parent.pendingCredit += account.pendingCredit ?? 0n;
    if (parent.lineCount !== undefined) parent.lineCount += account.lineCount ?? 0;
  }
  return [...byId.values()].filter((account) => !account.parentAccountId);
}

export interface TrialBalanceLine {
  accountId: string;
  code: string;
  name: string;
  class: AccountClass;
  debit: bigint;
  credit: bigint;
}

/** Each account's net balance in the debit or the credit column; the columns' totals are equal. */
export function trialBalanceLines(accounts: readonly AccountTotals[]): TrialBalanceLine[] {
  return accounts
    .map((account) => {
      const net = account.debitTotal - account.creditTotal;
      return {
        accountId: account.id,
        code: account.code,
        name: account.name,
        class: account.class,
        debit: net > 0n ? net : 0n,
        credit: net < 0n ? -net : 0n,
      };
    })
    .filter((line) => line.debit !== 0n || line.credit !== 0n);
}

export function balanceOf(
  account: Pick<AccountTotals, 'normalSide' | 'debitTotal' | 'creditTotal'>,
): bigint {
  return signedBalance(account.normalSide, account.debitTotal, account.creditTotal);
}
