import type { AccountTotalsRow } from '../ledger.sql.js';

/** An inclusive span of business dates, yyyy-mm-dd. */
export interface DatePeriod {
  from: string;
  to: string;
}

/** The period a statement is for and the one before it, shown beside it for comparison. */
export interface StatementPeriods {
  current: DatePeriod;
  prior: DatePeriod;
}

/** Account totals as the statements read them (see readStatementTotalsAsOf). */
export type StatementTotals = readonly AccountTotalsRow[];

/** An account's totals with the kind of member sub-ledger it controls, if any. */
export interface StatementAccountRow extends AccountTotalsRow {
  subledger: 'savings' | 'loan' | 'wallet' | 'receivable' | null;
}

/** One amount for the period and one for the period before it. */
export interface AmountPair {
  current: bigint;
  prior: bigint;
}

export interface StatementLine {
  /** The account code, or a key for a computed line (e.g. 'shu_tahun_berjalan'). */
  key: string;
  accountCode: string | null;
  label: string;
  amount: AmountPair;
}

export interface StatementSection {
  key: string;
  label: string;
  lines: StatementLine[];
  total: AmountPair;
}

export interface BalanceSheet {
  periods: StatementPeriods;
  asOf: { current: string; prior: string };
  fiscalYearStartMonth: number;
  assets: { sections: StatementSection[]; total: AmountPair };
  liabilities: { sections: StatementSection[]; total: AmountPair };
  equity: StatementSection;
  liabilitiesAndEquity: AmountPair;
  isBalanced: boolean;
}

export interface IncomeStatement {
  periods: StatementPeriods;
  revenue: { member: StatementSection; nonMember: StatementSection; total: AmountPair };
  expenses: StatementSection[];
  totalExpenses: AmountPair;
  shuBeforeTax: AmountPair;
  tax: StatementSection;
  shuAfterTax: AmountPair;
}

export type EquityColumnKey =
  'simpananPokok' | 'simpananWajib' | 'ekuitasLain' | 'cadangan' | 'shu' | 'total';

export type EquityRow = Record<EquityColumnKey, bigint>;

export interface EquityBlock {
  period: DatePeriod;
  opening: EquityRow;
  additions: EquityRow;
  /** Negative amounts, so that opening + additions + reductions + shuOfPeriod = closing. */
  reductions: EquityRow;
  shuOfPeriod: EquityRow;
  closing: EquityRow;
}

export interface EquityChanges {
  periods: StatementPeriods;
  columns: { key: EquityColumnKey; label: string }[];
  current: EquityBlock;
  prior: EquityBlock;
}

export type CashFlowActivity = 'operating' | 'investing' | 'financing';

/** What statements.sql.ts reads: the cash one kind of counterpart brought in or paid out. */
export interface CashFlowRow {
  period: 'current' | 'prior';
  activity: CashFlowActivity;
  reportGroup: string;
  inflow: bigint;
  /** Positive: the rupiah paid out. */
  outflow: bigint;
}

export interface CashFlowActivitySection {
  activity: CashFlowActivity;
  label: string;
  inflows: StatementLine[];
  /** Negative amounts. */
  outflows: StatementLine[];
  net: AmountPair;
}

export interface CashFlowStatement {
  periods: StatementPeriods;
  activities: CashFlowActivitySection[];
  netChange: AmountPair;
  openingCash: AmountPair;
  closingCash: AmountPair;
  isReconciled: boolean;
}

export interface Highlights {
  asOf: string;
  month: DatePeriod;
  fiscalYearStart: string;
  totalAssets: bigint;
  memberSavings: { total: bigint; lines: { accountCode: string; label: string; amount: bigint }[] };
  outstandingMemberLoans: bigint;
  memberParticipation: { month: bigint; yearToDate: bigint };
  currentYearShu: bigint;
  latestCheckpoint: {
    checkpointDate: string;
    lastSequence: number;
    headHash: string;
    entryCount: number;
  } | null;
  head: { lastSequence: number; lastHash: string } | null;
}
