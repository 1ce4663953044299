import { rollUpSubAccounts } from '../../rules/roll-up.js';
import type { AccountTotalsRow } from '../../ledger.sql.js';
import type { AmountPair, StatementLine, StatementSection } from '../statements.types.js';

/** Report groups of the chart templates (chart-templates.ts), as statements name them. */
const groupLabels: Record<string, string> = {
  kas_dan_setara_kas: 'Kas dan setara kas',
  piutang_usaha: 'Piutang usaha',
  piutang_pinjaman: 'Piutang pinjaman anggota',
  persediaan: 'Persediaan',
  aset_lancar_lain: 'Aset lancar lain',
  aset_tetap: 'Aset tetap',
  kewajiban_lancar: 'Kewajiban lancar',
  simpanan_anggota: 'Simpanan anggota',
  dana_shu: 'Dana-dana dari SHU',
  kewajiban_jangka_panjang: 'Kewajiban jangka panjang',
  simpanan_pokok: 'Simpanan pokok',
  simpanan_wajib: 'Simpanan wajib',
  modal_penyertaan: 'Modal penyertaan',
  hibah: 'Hibah',
  cadangan: 'Cadangan',
  shu_tahun_berjalan: 'SHU tahun berjalan',
  shu_belum_dibagi: 'SHU tahun lalu belum dibagi',
  penjualan: 'Penjualan',
  pendapatan_jasa_pinjaman: 'Pendapatan jasa pinjaman',
  pendapatan_jasa: 'Pendapatan jasa',
  pendapatan_lain: 'Pendapatan lain-lain',
  harga_pokok: 'Harga pokok',
  beban_usaha: 'Beban usaha',
  beban_perkoperasian: 'Beban perkoperasian',
  beban_pajak: 'Beban pajak',
};

/** A group's label; a group a bendahara invented reads as its words ("lainnya_asset" → "Lainnya asset"). */
export function groupLabelOf(reportGroup: string): string {
  const known = groupLabels[reportGroup];
  if (known) return known;
  const words = reportGroup.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Asset groups shown as non-current; every other asset group is current. */
export const nonCurrentAssetGroups = new Set([
  'aset_tetap',
  'aset_tidak_lancar',
  'aset_tak_berwujud',
  'investasi_jangka_panjang',
]);
/** Liability groups shown as long-term; every other liability group is current. */
export const longTermLiabilityGroups = new Set(['kewajiban_jangka_panjang']);
/** Equity groups that hold SHU; the statements show them as two computed lines. */
export const shuEquityGroups = new Set(['shu_tahun_berjalan', 'shu_belum_dibagi']);

/**
 * An account's amount in its statement's direction: debit less credit for assets and expenses,
 * credit less debit for liabilities, equity and revenue. A contra account (cadangan kerugian
 * piutang, akumulasi penyusutan) is therefore negative within its class.
 */
export function statementAmountOf(
  account: Pick<AccountTotalsRow, 'class' | 'debitTotal' | 'creditTotal'>,
): bigint {
  const isDebitClass = account.class === 'asset' || account.class === 'expense';
  return isDebitClass
    ? account.debitTotal - account.creditTotal
    : account.creditTotal - account.debitTotal;
}

/** Accounts with member sub-accounts rolled into their control account, by id. */
export function rolledUpById<T extends AccountTotalsRow>(rows: readonly T[]): Map<string, T> {
  return new Map(rollUpSubAccounts(rows).map((row) => [row.id, row]));
}

export function pairOf(current: bigint, prior: bigint): AmountPair {
  return { current, prior };
}

export function sumPairs(pairs: readonly AmountPair[]): AmountPair {
  return pairs.reduce(
    (sum, pair) => pairOf(sum.current + pair.current, sum.prior + pair.prior),
    pairOf(0n, 0n),
  );
}

export function subtractPairs(left: AmountPair, right: AmountPair): AmountPair {
  return pairOf(left.current - right.current, left.prior - right.prior);
}

export function isZeroPair(pair: AmountPair): boolean {
  return pair.current === 0n && pair.prior === 0n;
}

export function accountLine(
  account: Pick<AccountTotalsRow, 'code' | 'name'>,
  amount: AmountPair,
): StatementLine {
  return { key: account.code, accountCode: account.code, label: account.name, amount };
}

/**
 * A section of lines and their total. Account lines that are zero in both columns are left out;
 * computed lines (no account code) always show.
 */
export function sectionOf(key: string, label: string, lines: StatementLine[]): StatementSection {
  const shown = lines.filter((line) => line.accountCode === null || !isZeroPair(line.amount));
  return { key, label, lines: shown, total: sumPairs(shown.map((line) => line.amount)) };
}

/** Revenue less expenses over every revenue and expense account: the surplus not yet closed. */
export function unclosedSurplusOf(rows: Iterable<AccountTotalsRow>): bigint {
  let surplus = 0n;
  for (const row of rows) {
    if (row.class === 'revenue') surplus += statementAmountOf(row);
    if (row.class === 'expense') surplus -= statementAmountOf(row);
  }
  return surplus;
}

export function byCode<T extends { code: string }>(left: T, right: T): number {
  return left.code.localeCompare(right.code);
}
