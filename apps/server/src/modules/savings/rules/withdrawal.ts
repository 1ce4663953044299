import type { SavingsKind } from '@lumbung/shared/contracts/savings';

export type WithdrawalRefusal =
  | { code: 'savings.not_withdrawable'; params: { kind: SavingsKind } }
  | {
      code: 'savings.insufficient_balance';
      params: { available: string; requested: string; minimumBalance: string };
    };

/**
 * Whether money may leave a savings account: pokok and wajib stay while the person is a member
 * (they are the coop's equity); sukarela may fall to the product's minimum balance, never below.
 */
export function findWithdrawalRefusal(input: {
  kind: SavingsKind;
  available: bigint;
  minimumBalance: bigint;
  amount: bigint;
}): WithdrawalRefusal | null {
  if (input.kind !== 'sukarela')
    return { code: 'savings.not_withdrawable', params: { kind: input.kind } };
  if (input.available - input.amount < input.minimumBalance) {
    return {
      code: 'savings.insufficient_balance',
      params: {
        available: input.available.toString(),
        requested: input.amount.toString(),
        minimumBalance: input.minimumBalance.toString(),
      },
    };
  }
  return null;
}

/** A receipt's number: the business date and the ledger sequence, unique in the cooperative. */
export function receiptNumberOf(businessDate: string, sequence: number): string {
  return `KW-${businessDate.replaceAll('-', '')}-${String(sequence).padStart(7, '0')}`;
}
