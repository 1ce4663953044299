import type { AccountView } from './ledger-types';

export function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code, 'en', { numeric: true });
}

/** "1-1101 Kas": how an account is named in selects and journal lines. */
export function accountLabel(account: Pick<AccountView, 'code' | 'name'>): string {
  return `${account.code} ${account.name}`;
}

/** Accounts a manual journal may use: active, and not a control account (those take sub-accounts). */
export function postableAccounts(accounts: readonly AccountView[]): AccountView[] {
  return accounts.filter((account) => account.isActive && !account.isControl).sort(byCode);
}

export function accountsById(accounts: readonly AccountView[] | undefined) {
  return new Map((accounts ?? []).map((account) => [account.id, account]));
}
