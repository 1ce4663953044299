import type { AccountTotalsRow } from '../../ledger.sql.js';
import type {
  BalanceSheet,
  StatementLine,
  StatementPeriods,
  StatementTotals,
} from '../statements.types.js';
import {
  accountLine,
  byCode,
  longTermLiabilityGroups,
  nonCurrentAssetGroups,
  pairOf,
  rolledUpById,
  sectionOf,
  shuEquityGroups,
  statementAmountOf,
  subtractPairs,
  sumPairs,
  unclosedSurplusOf,
} from './report-groups.js';

export interface BalanceSheetInput {
  periods: StatementPeriods;
  fiscalYearStartMonth: number;
  /** Totals as of periods.current.to. */
  atEnd: StatementTotals;
  /** Totals as of the day before periods.current.from, which is periods.prior.to. */
  atStart: StatementTotals;
  /** Totals as of the day before the fiscal year containing periods.current.to began. */
  atFiscalYearStart: StatementTotals;
  /** Totals as of the day before the fiscal year containing periods.prior.to began. */
  atPriorFiscalYearStart: StatementTotals;
}

/**
 * Laporan Posisi Keuangan at the period's end beside the prior period's end. Member sub-accounts
 * are rolled into their control accounts; contra accounts are negative within their section.
 *
 * Equity ends with two computed lines so that assets = liabilities + equity always holds:
 * - SHU tahun berjalan: revenue less expenses since the fiscal year began;
 * - SHU tahun lalu belum dibagi: the SHU equity accounts (3-1301/3-1302) plus revenue less
 *   expenses of earlier years, i.e. earlier years' surplus not yet distributed.
 * The totals are expected without year-end closing entries (readStatementTotalsAsOf), so the
 * split by fiscal year does not depend on whether a year has been closed yet.
 */
export function computeBalanceSheet(input: BalanceSheetInput): BalanceSheet {
  const end = rolledUpById(input.atEnd);
  const start = rolledUpById(input.atStart);
  const accounts = [...end.values()].sort(byCode);
  const lineOf = (account: AccountTotalsRow): StatementLine => {
    const prior = start.get(account.id);
    return accountLine(
      account,
      pairOf(statementAmountOf(account), prior ? statementAmountOf(prior) : 0n),
    );
  };
  const linesWhere = (keep: (account: AccountTotalsRow) => boolean) =>
    accounts.filter(keep).map(lineOf);
  const assetSections = [
    sectionOf(
      'aset_lancar',
      'Aset lancar',
      linesWhere((a) => a.class === 'asset' && !nonCurrentAssetGroups.has(a.reportGroup)),
    ),
    sectionOf(
      'aset_tidak_lancar',
      'Aset tidak lancar',
      linesWhere((a) => a.class === 'asset' && nonCurrentAssetGroups.has(a.reportGroup)),
    ),
  ];
  const liabilitySections = [
    sectionOf(
      'kewajiban_jangka_pendek',
      'Kewajiban jangka pendek',
      linesWhere((a) => a.class === 'liability' && !longTermLiabilityGroups.has(a.reportGroup)),
    ),
    sectionOf(
      'kewajiban_jangka_panjang',
      'Kewajiban jangka panjang',
      linesWhere((a) => a.class === 'liability' && longTermLiabilityGroups.has(a.reportGroup)),
    ),
  ];
  const shuLines = computeShuLines(input);
  const equity = sectionOf('ekuitas', 'Ekuitas', [
    ...linesWhere((a) => a.class === 'equity' && !shuEquityGroups.has(a.reportGroup)),
    ...shuLines,
  ]);
  const assets = sumPairs(assetSections.map((section) => section.total));
  const liabilities = sumPairs(liabilitySections.map((section) => section.total));
  const liabilitiesAndEquity = sumPairs([liabilities, equity.total]);
  const difference = subtractPairs(assets, liabilitiesAndEquity);
  return {
    periods: input.periods,
    asOf: { current: input.periods.current.to, prior: input.periods.prior.to },
    fiscalYearStartMonth: input.fiscalYearStartMonth,
    assets: { sections: assetSections, total: assets },
    liabilities: { sections: liabilitySections, total: liabilities },
    equity,
    liabilitiesAndEquity,
    isBalanced: difference.current === 0n && difference.prior === 0n,
  };
}

function shuAccountsBalance(rows: StatementTotals): bigint {
  return rows
    .filter((row) => row.class === 'equity' && shuEquityGroups.has(row.reportGroup))
    .reduce((sum, row) => sum + statementAmountOf(row), 0n);
}

function computeShuLines(input: BalanceSheetInput): StatementLine[] {
  const surplusAtEnd = unclosedSurplusOf(input.atEnd);
  const surplusAtStart = unclosedSurplusOf(input.atStart);
  const earlierYears = unclosedSurplusOf(input.atFiscalYearStart);
  const priorEarlierYears = unclosedSurplusOf(input.atPriorFiscalYearStart);
  return [
    {
      key: 'shu_belum_dibagi',
      accountCode: null,
      label: 'SHU tahun lalu belum dibagi',
      amount: pairOf(
        shuAccountsBalance(input.atEnd) + earlierYears,
        shuAccountsBalance(input.atStart) + priorEarlierYears,
      ),
    },
    {
      key: 'shu_tahun_berjalan',
      accountCode: null,
      label: 'SHU tahun berjalan',
      amount: pairOf(surplusAtEnd - earlierYears, surplusAtStart - priorEarlierYears),
    },
  ];
}
