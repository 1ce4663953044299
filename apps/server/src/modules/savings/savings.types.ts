import type { SavingsKind } from '@lumbung/shared/contracts/savings';
import type { ErrorCode } from '@lumbung/shared/error-codes';
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

/** One loan a payroll row's angsuran went to, with the repayment's allocation. */
export interface PayrollLoanRepayment {
  loanId: string;
  repaymentId: string;
  entryId: string;
  amount: bigint;
  penalty: bigint;
  interest: bigint;
  principal: bigint;
}

/** What became of a payroll row's angsuran: paid now, paid by an earlier import, or refused. */
export type PayrollRepaymentResult =
  | { status: 'paid' | 'already_paid'; loans: PayrollLoanRepayment[] }
  | { status: 'refused'; code: ErrorCode; params: Record<string, string> };

/**
 * The port through which a payroll import repays members' loans. Savings declares it and never
 * imports loans (the module direction is loans -> savings); app.ts wires the loans module's
 * implementation in. `idempotencyKey` is the row's: one (period, member) pays once.
 */
export interface PayrollLoanRepayments {
  /** Takes these members' running loans before the import takes the ledger (lock order). */
  lockLoansOf(ctx: SavingsContext, input: { membershipIds: string[] }): Promise<void>;
  repay(
    ctx: SavingsContext,
    input: { membershipId: string; amount: bigint; idempotencyKey: string },
  ): Promise<PayrollRepaymentResult>;
}
