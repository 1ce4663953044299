// Types only: the contracts are zod schemas, and zod must not reach the browser bundle.
import type {
  accountClasses,
  accountView,
  businessUnits,
  checkpointsResponse,
  createAccountRequest,
  generalLedgerView,
  journalEntryDetail,
  journalEntryView,
  manualJournalRequest,
  manualJournalView,
  reversalRequest,
  trialBalanceView,
} from '@lumbung/shared';
import type { z } from 'zod';

export type AccountClass = (typeof accountClasses)[number];
export type AccountView = z.infer<typeof accountView>;
export type BusinessUnit = (typeof businessUnits)[number];
export type CreateAccountInput = z.infer<typeof createAccountRequest>;
export type JournalEntryView = z.infer<typeof journalEntryView>;
export type JournalEntryDetail = z.infer<typeof journalEntryDetail>;
export type ManualJournalInput = z.infer<typeof manualJournalRequest>;
export type ManualJournalView = z.infer<typeof manualJournalView>;
export type ReversalInput = z.infer<typeof reversalRequest>;
export type TrialBalanceView = z.infer<typeof trialBalanceView>;
export type GeneralLedgerView = z.infer<typeof generalLedgerView>;
export type CheckpointsResponse = z.infer<typeof checkpointsResponse>;

export interface JournalPage {
  items: JournalEntryView[];
  nextCursor: string | null;
}

export interface ClosedPeriod {
  period: string;
  closedAt: string;
  closedBy: string | null;
}

export const accountClassList: readonly AccountClass[] = [
  'asset',
  'liability',
  'equity',
  'revenue',
  'expense',
];

export const statementKinds = [
  'balance-sheet',
  'income-statement',
  'equity-changes',
  'cash-flow',
] as const;
export type StatementKind = (typeof statementKinds)[number];

/** The business units an account can count in (packages/shared contracts/ledger.ts). */
export const businessUnitList: readonly BusinessUnit[] = [
  'simpan_pinjam',
  'toko',
  'produksi',
  'jasa',
];
