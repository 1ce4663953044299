import type { SavingsKind } from '@lumbung/shared/contracts/savings';
import type { Tx } from '../../platform/db/database.js';

export type { SavingsKind };

/** What every savings command receives (ARCHITECTURE.md: one context per command). */
export interface SavingsContext {
  tx: Tx;
  cooperativeId: string;
  now: Date;
  actorPersonId: string | null;
  /** The caller's key for a money move; the ledger entry's key derives from it. */
  idempotencyKey: string | null;
}

export type SavingsReadContext = Pick<SavingsContext, 'tx' | 'cooperativeId'>;

/** The control account each kind's member sub-accounts roll up to (chart-templates.ts). */
export const controlCodeOf: Record<SavingsKind, string> = {
  pokok: '3-1101',
  wajib: '3-1102',
  sukarela: '2-1201',
};

export const kindOfControlCode: Record<string, SavingsKind> = {
  '3-1101': 'pokok',
  '3-1102': 'wajib',
  '2-1201': 'sukarela',
};

export const cashCode = '1-1101';
export const interestExpenseCode = '5-2101';
export const taxPayableCode = '2-1301';
export const cashShortCode = '5-2999';
export const cashOverCode = '4-1399';

export interface SavingsProducts {
  pokok: { amount: bigint };
  wajib: { monthlyAmount: bigint };
  sukarela: { interestRateBps: number; minimumBalance: bigint };
  berjangka: {
    termMonths: number;
    interestRateBps: number;
    maturityAction: 'rollover' | 'to_sukarela';
    earlyBreakPenaltyBps: number;
  };
}

export interface SavingsReceipt {
  receiptNumber: string;
  type: 'deposit' | 'withdrawal' | 'transfer';
  kind: SavingsKind;
  membershipId: string;
  memberNumber: string;
  memberName: string;
  accountId: string;
  amount: bigint;
  balanceAfter: bigint;
  tellerPersonId: string | null;
  sessionId: string | null;
  postedAt: Date;
  businessDate: string;
  entryId: string;
  entryHash: string;
  counterparty: { memberNumber: string; memberName: string } | null;
}

export function businessDateOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
