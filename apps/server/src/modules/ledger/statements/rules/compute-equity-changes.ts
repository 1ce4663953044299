import type { AccountTotalsRow } from '../../ledger.sql.js';
import type {
  DatePeriod,
  EquityBlock,
  EquityChanges,
  EquityColumnKey,
  EquityRow,
  StatementTotals,
} from '../statements.types.js';
import type { MovementInput } from './movements.js';
import {
  rolledUpById,
  shuEquityGroups,
  statementAmountOf,
  unclosedSurplusOf,
} from './report-groups.js';

type AmountColumn = Exclude<EquityColumnKey, 'total'>;
type ColumnAmounts = Record<AmountColumn, bigint>;

export const equityColumns: { key: EquityColumnKey; label: string }[] = [
  { key: 'simpananPokok', label: 'Simpanan pokok' },
  { key: 'simpananWajib', label: 'Simpanan wajib' },
  { key: 'ekuitasLain', label: 'Modal penyertaan, hibah dan ekuitas lain' },
  { key: 'cadangan', label: 'Cadangan' },
  { key: 'shu', label: 'SHU' },
  { key: 'total', label: 'Jumlah' },
];

/** The column an equity account belongs to, by its report group. */
function columnOf(account: AccountTotalsRow): AmountColumn {
  if (account.reportGroup === 'simpanan_pokok') return 'simpananPokok';
  if (account.reportGroup === 'simpanan_wajib') return 'simpananWajib';
  if (account.reportGroup === 'cadangan') return 'cadangan';
  if (shuEquityGroups.has(account.reportGroup)) return 'shu';
  return 'ekuitasLain';
}

function rowOf(amounts: Partial<Record<AmountColumn, bigint>>): EquityRow {
  const row = {
    simpananPokok: amounts.simpananPokok ?? 0n,
    simpananWajib: amounts.simpananWajib ?? 0n,
    ekuitasLain: amounts.ekuitasLain ?? 0n,
    cadangan: amounts.cadangan ?? 0n,
    shu: amounts.shu ?? 0n,
  };
  return { ...row, total: Object.values(row).reduce((sum, amount) => sum + amount, 0n) };
}

/** Sums `valueOf` over the equity accounts of each column. */
function columnSums(
  rows: StatementTotals,
  valueOf: (account: AccountTotalsRow) => bigint,
): ColumnAmounts {
  const sums = { simpananPokok: 0n, simpananWajib: 0n, ekuitasLain: 0n, cadangan: 0n, shu: 0n };
  for (const account of rolledUpById(rows).values()) {
    if (account.class === 'equity') sums[columnOf(account)] += valueOf(account);
  }
  return sums;
}

/** Equity at a date: the equity accounts, with revenue less expenses not yet closed in SHU. */
function equityAt(rows: StatementTotals): EquityRow {
  const sums = columnSums(rows, statementAmountOf);
  return rowOf({ ...sums, shu: sums.shu + unclosedSurplusOf(rows) });
}

function changeOf(end: ColumnAmounts, start: ColumnAmounts, sign: 1n | -1n): ColumnAmounts {
  const change = (key: AmountColumn) => sign * (end[key] - start[key]);
  return {
    simpananPokok: change('simpananPokok'),
    simpananWajib: change('simpananWajib'),
    ekuitasLain: change('ekuitasLain'),
    cadangan: change('cadangan'),
    shu: change('shu'),
  };
}

/**
 * One block: opening + additions (credits to equity accounts) + reductions (debits, negative) +
 * SHU of the period (revenue less expenses) = closing, column by column.
 */
function blockOf(
  period: DatePeriod,
  atStart: StatementTotals,
  atEnd: StatementTotals,
): EquityBlock {
  const credits = (rows: StatementTotals) => columnSums(rows, (account) => account.creditTotal);
  const debits = (rows: StatementTotals) => columnSums(rows, (account) => account.debitTotal);
  return {
    period,
    opening: equityAt(atStart),
    additions: rowOf(changeOf(credits(atEnd), credits(atStart), 1n)),
    reductions: rowOf(changeOf(debits(atEnd), debits(atStart), -1n)),
    shuOfPeriod: rowOf({ shu: unclosedSurplusOf(atEnd) - unclosedSurplusOf(atStart) }),
    closing: equityAt(atEnd),
  };
}

/**
 * Laporan Perubahan Ekuitas: columns simpanan pokok, simpanan wajib, ekuitas lain (modal
 * penyertaan, hibah), cadangan, SHU (tahun berjalan and belum dibagi) and their total; a block
 * for the period and one for the prior period. Year-end closing entries are expected to be left
 * out of the totals: closing moves SHU within the SHU column, which changes nothing in it.
 */
export function computeEquityChanges(input: MovementInput): EquityChanges {
  return {
    periods: input.periods,
    columns: equityColumns,
    current: blockOf(input.periods.current, input.atStart, input.atEnd),
    prior: blockOf(input.periods.prior, input.atPriorStart, input.atStart),
  };
}
