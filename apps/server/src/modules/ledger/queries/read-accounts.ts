import { DomainError } from '../../../platform/domain-error.js';
import type { LedgerContext } from '../commands/post-journal-entries.js';
import {
  findAccountRow,
  listAccountsWithBalances,
  readAccountTotalsAsOf,
  sumLinesUpTo,
  findAccountWithBalance,
} from '../ledger.sql.js';
import { rollUpSubAccounts, trialBalanceLines } from '../rules/roll-up.js';
import { availableBalance, signedBalance } from '../rules/signed-balance.js';

type ReadContext = Pick<LedgerContext, 'tx' | 'cooperativeId'>;

/** The chart of accounts with today's balances (control accounts include their sub-accounts). */
export async function listAccounts(ctx: ReadContext, input: { includeSubAccounts: boolean }) {
  const rows = await listAccountsWithBalances(ctx.tx, ctx.cooperativeId);
  // Pending holds roll up like balances do, so a control account's "available" covers its members.
  const totals = rows.map((row) => ({
    ...row.account,
    debitTotal: row.debitTotal,
    creditTotal: row.creditTotal,
    pendingDebit: row.pendingDebit,
    pendingCredit: row.pendingCredit,
    lineCount: row.lineCount,
  }));
  const shown = input.includeSubAccounts ? totals : rollUpSubAccounts(totals);
  return shown.map((account) => ({
    ...account,
    balance: signedBalance(account.normalSide, account.debitTotal, account.creditTotal),
    available: availableBalance(account.normalSide, account),
  }));
}

/**
 * One account's balance at the end of `asOf` (a control account's includes its sub-accounts),
 * and what is available now after pending holds.
 * Refuses: ledger.account_not_found.
 */
export async function getAccountBalance(
  ctx: ReadContext,
  input: { accountId: string; asOf: string },
) {
  const account = await findAccountRow(ctx.tx, ctx.cooperativeId, input.accountId);
  if (!account) throw new DomainError('ledger.account_not_found');
  const ids = [account.id];
  if (account.isControl) {
    const all = await listAccountsWithBalances(ctx.tx, ctx.cooperativeId);
    ids.push(
      ...all
        .filter((row) => row.account.parentAccountId === account.id)
        .map((row) => row.account.id),
    );
  }
  const sums = await sumLinesUpTo(ctx.tx, ctx.cooperativeId, ids, input.asOf);
  return {
    accountId: account.id,
    code: account.code,
    name: account.name,
    asOf: input.asOf,
    debitTotal: sums.debit,
    creditTotal: sums.credit,
    balance: signedBalance(account.normalSide, sums.debit, sums.credit),
  };
}

/** The trial balance at the end of `asOf`, sub-accounts rolled into their control accounts. */
export async function getTrialBalance(ctx: ReadContext, input: { asOf: string }) {
  const accounts = rollUpSubAccounts(
    await readAccountTotalsAsOf(ctx.tx, ctx.cooperativeId, input.asOf),
  );
  const lines = trialBalanceLines(accounts);
  const debitTotal = lines.reduce((sum, line) => sum + line.debit, 0n);
  const creditTotal = lines.reduce((sum, line) => sum + line.credit, 0n);
  return {
    asOf: input.asOf,
    lines,
    debitTotal,
    creditTotal,
    isBalanced: debitTotal === creditTotal,
  };
}

/**
 * An account's balance and what is available after pending holds, now (from the maintained
 * balance row: one indexed read). Refuses: ledger.account_not_found.
 */
export async function getCurrentBalance(ctx: ReadContext, accountId: string) {
  const found = await findAccountWithBalance(ctx.tx, ctx.cooperativeId, accountId);
  if (!found) throw new DomainError('ledger.account_not_found');
  const { account, balance: row } = found;
  return {
    accountId,
    balance: signedBalance(account.normalSide, row.debitTotal, row.creditTotal),
    available: availableBalance(account.normalSide, row),
  };
}
