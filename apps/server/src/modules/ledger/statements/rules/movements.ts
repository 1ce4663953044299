import type { AccountTotalsRow } from '../../ledger.sql.js';
import type { AmountPair, StatementPeriods, StatementTotals } from '../statements.types.js';
import { byCode, pairOf, rolledUpById, statementAmountOf } from './report-groups.js';

/** Totals at the three dates that bound a period and the period before it. */
export interface MovementInput {
  periods: StatementPeriods;
  /** Totals as of periods.current.to. */
  atEnd: StatementTotals;
  /** Totals as of the day before periods.current.from (= periods.prior.to). */
  atStart: StatementTotals;
  /** Totals as of the day before periods.prior.from. */
  atPriorStart: StatementTotals;
}

export interface AccountMovement {
  account: AccountTotalsRow;
  /** The change of the account's statement amount in the period and in the prior period. */
  amount: AmountPair;
  /** Gross debits and credits posted in each period. */
  debit: AmountPair;
  credit: AmountPair;
}

/** Each account's movement (sub-accounts rolled up): totals at the end less totals at the start. */
export function movementsOf(input: MovementInput): AccountMovement[] {
  const end = rolledUpById(input.atEnd);
  const start = rolledUpById(input.atStart);
  const priorStart = rolledUpById(input.atPriorStart);
  return [...end.values()].sort(byCode).map((account) => {
    const zero = { ...account, debitTotal: 0n, creditTotal: 0n };
    const middle = start.get(account.id) ?? zero;
    const first = priorStart.get(account.id) ?? zero;
    return {
      account,
      amount: pairOf(
        statementAmountOf(account) - statementAmountOf(middle),
        statementAmountOf(middle) - statementAmountOf(first),
      ),
      debit: pairOf(account.debitTotal - middle.debitTotal, middle.debitTotal - first.debitTotal),
      credit: pairOf(
        account.creditTotal - middle.creditTotal,
        middle.creditTotal - first.creditTotal,
      ),
    };
  });
}
