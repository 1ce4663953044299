import { describe, expect, it } from 'vitest';
import { findWithdrawalRefusal, receiptNumberOf } from './withdrawal.js';

describe('withdrawal rule', () => {
  it('refuses pokok and wajib while a member', () => {
    for (const kind of ['pokok', 'wajib'] as const)
      expect(
        findWithdrawalRefusal({ kind, available: 10n ** 9n, minimumBalance: 0n, amount: 1n })?.code,
      ).toBe('savings.not_withdrawable');
  });
  it('lets sukarela fall exactly to the minimum balance and not one rupiah below', () => {
    expect(
      findWithdrawalRefusal({
        kind: 'sukarela',
        available: 60_000n,
        minimumBalance: 10_000n,
        amount: 50_000n,
      }),
    ).toBeNull();
    expect(
      findWithdrawalRefusal({
        kind: 'sukarela',
        available: 60_000n,
        minimumBalance: 10_000n,
        amount: 50_001n,
      }),
    ).toEqual({
      code: 'savings.insufficient_balance',
      params: { available: '60000', requested: '50001', minimumBalance: '10000' },
    });
  });
  it('numbers receipts by date and ledger sequence', () => {
    expect(receiptNumberOf('2026-03-02', 42)).toBe('KW-20260302-0000042');
  });
});
