import type { DatePeriod, Highlights, StatementAccountRow } from '../statements.types.js';
import { byCode, rolledUpById, statementAmountOf, unclosedSurplusOf } from './report-groups.js';

export interface HighlightsInput {
  asOf: string;
  month: DatePeriod;
  fiscalYearStart: string;
  /** Totals as of `asOf`. */
  atAsOf: readonly StatementAccountRow[];
  /** Totals as of the day before `month.from`. */
  atMonthStart: readonly StatementAccountRow[];
  /** Totals as of the day before `fiscalYearStart`. */
  atFiscalYearStart: readonly StatementAccountRow[];
  latestCheckpoint: Highlights['latestCheckpoint'];
  head: Highlights['head'];
}

function memberRevenueOf(rows: readonly StatementAccountRow[]): bigint {
  return rows
    .filter((row) => row.class === 'revenue' && row.participation === 'member')
    .reduce((sum, row) => sum + statementAmountOf(row), 0n);
}

/**
 * "Koperasi dalam angka": the few figures every member may see, none about any one member —
 * total assets, member savings (the control accounts of simpanan pokok, wajib, sukarela and
 * berjangka: sub-ledger 'savings'), outstanding member loans (sub-ledger 'loan', before the
 * allowance), partisipasi anggota this month and this fiscal year, SHU tahun berjalan so far, and
 * the published checkpoint beside the live head of the hash chain.
 */
export function computeHighlights(input: HighlightsInput): Highlights {
  const accounts = [...rolledUpById(input.atAsOf).values()].sort(byCode);
  const savings = accounts
    .filter((account) => account.subledger === 'savings')
    .map((account) => ({
      accountCode: account.code,
      label: account.name,
      amount: statementAmountOf(account),
    }));
  const sumWhere = (keep: (account: StatementAccountRow) => boolean) =>
    accounts.filter(keep).reduce((sum, account) => sum + statementAmountOf(account), 0n);
  const memberRevenue = memberRevenueOf(input.atAsOf);
  return {
    asOf: input.asOf,
    month: input.month,
    fiscalYearStart: input.fiscalYearStart,
    totalAssets: sumWhere((account) => account.class === 'asset'),
    memberSavings: {
      total: savings.reduce((sum, line) => sum + line.amount, 0n),
      lines: savings,
    },
    outstandingMemberLoans: sumWhere((account) => account.subledger === 'loan'),
    memberParticipation: {
      month: memberRevenue - memberRevenueOf(input.atMonthStart),
      yearToDate: memberRevenue - memberRevenueOf(input.atFiscalYearStart),
    },
    currentYearShu: unclosedSurplusOf(input.atAsOf) - unclosedSurplusOf(input.atFiscalYearStart),
    latestCheckpoint: input.latestCheckpoint,
    head: input.head,
  };
}
