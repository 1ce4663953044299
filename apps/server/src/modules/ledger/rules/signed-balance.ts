import type { Side } from '../ledger.schema.js';

/** A balance in the account's own direction: debits minus credits for debit-normal accounts. */
export function signedBalance(normalSide: Side, debitTotal: bigint, creditTotal: bigint): bigint {
  return normalSide === 'debit' ? debitTotal - creditTotal : creditTotal - debitTotal;
}

/**
 * What can still be spent from an account: its balance less pending holds that would reduce it
 * (a hold on the side opposite to the account's normal side).
 */
export function availableBalance(
  normalSide: Side,
  totals: { debitTotal: bigint; creditTotal: bigint; pendingDebit: bigint; pendingCredit: bigint },
): bigint {
  const reducingHolds = normalSide === 'debit' ? totals.pendingCredit : totals.pendingDebit;
  return signedBalance(normalSide, totals.debitTotal, totals.creditTotal) - reducingHolds;
}
