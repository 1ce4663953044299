/**
 * Shapes of the savings API (packages/shared/src/contracts/savings.ts), as types only: the
 * contracts module pulls in zod, which the first-load budget cannot afford. Money is a decimal
 * integer string throughout.
 */
export const savingsKinds = ['pokok', 'wajib', 'sukarela'] as const;
export type SavingsKind = (typeof savingsKinds)[number];

export interface SavingsAccountBalance {
  kind: SavingsKind;
  /** null until the first deposit opens the account. */
  accountId: string | null;
  code: string | null;
  balance: string;
  available: string;
}

export interface MemberSavingsView {
  membershipId: string;
  memberNumber: string | null;
  fullName: string;
  status: string;
  accounts: SavingsAccountBalance[];
  /** Running simpanan berjangka (absent from servers before term deposits). */
  termDeposits?: { count: number; principal: string };
  total: string;
}

export interface TellerSession {
  id: string;
  tellerPersonId: string;
  openedAt: string;
  openingFloat: string;
  cashIn: string;
  cashOut: string;
  expectedCash: string;
  transactionCount: number;
  closedAt: string | null;
  countedCash: string | null;
  /** counted − expected: negative is a shortfall. */
  difference: string | null;
  differenceEntryId: string | null;
}

export type TellerTransactionType = 'deposit' | 'withdrawal';

export interface TellerTransactionInput {
  type: TellerTransactionType;
  membershipId: string;
  kind: SavingsKind;
  amount: string;
  memo?: string;
}

export interface SavingsReceipt {
  receiptNumber: string;
  type: 'deposit' | 'withdrawal' | 'transfer';
  kind: SavingsKind;
  membershipId: string;
  memberNumber: string;
  memberName: string;
  accountId: string;
  amount: string;
  balanceAfter: string;
  tellerPersonId: string | null;
  sessionId: string | null;
  postedAt: string;
  businessDate: string;
  entryId: string;
  entryHash: string;
  counterparty: { memberNumber: string; memberName: string } | null;
}

export interface TransferInput {
  toMemberNumber: string;
  amount: string;
  pin: string;
  memo?: string;
}

export interface PassbookLine {
  entryId: string;
  businessDate: string;
  description: string;
  debit: string;
  credit: string;
  balance: string;
}

export interface PassbookView {
  account: { id: string; code: string; name: string; kind: SavingsKind };
  member: { membershipId: string; memberNumber: string; fullName: string };
  from: string;
  to: string;
  openingBalance: string;
  lines: PassbookLine[];
  nextCursor: string | null;
}

export interface ArrearsItem {
  membershipId: string;
  memberNumber: string;
  fullName: string;
  joinedOn: string;
  monthsDue: number;
  paid: string;
  amountOwed: string;
  monthsOwed: number;
}

export interface ArrearsView {
  asOf: string;
  monthlyAmount: string;
  items: ArrearsItem[];
}
