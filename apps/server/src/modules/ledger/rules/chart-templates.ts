import type { CooperativeType } from '@lumbung/shared/contracts/cooperatives';
import type { BusinessUnit } from '@lumbung/shared/contracts/ledger';
import type { AccountClass, Side } from '../ledger.schema.js';

/** One account of a chart template (codes follow the 1-/2-/3-/4-/5- practice of rules.md §7). */
export interface AccountTemplate {
  code: string;
  name: string;
  class: AccountClass;
  reportGroup: string;
  cashFlowActivity: 'cash' | 'operating' | 'investing' | 'financing';
  participation?: 'member' | 'non_member';
  /** Contra accounts (allowances, depreciation) run against their class's usual side. */
  normalSide?: Side;
  /** Control accounts roll up one sub-account per member. */
  subledger?: 'savings' | 'loan' | 'wallet';
  /** The unit usaha whose surplus the account counts in; the common accounts have none (umum). */
  businessUnit?: BusinessUnit;
}

/** The accounts of one business unit's template group, each marked with that unit. */
const ofUnit = (businessUnit: BusinessUnit, accounts: AccountTemplate[]): AccountTemplate[] =>
  accounts.map((account) => ({ ...account, businessUnit }));

const a = (
  code: string,
  name: string,
  klass: AccountClass,
  reportGroup: string,
  cashFlowActivity: AccountTemplate['cashFlowActivity'],
  extra: Partial<AccountTemplate> = {},
): AccountTemplate => ({ code, name, class: klass, reportGroup, cashFlowActivity, ...extra });

const common: AccountTemplate[] = [
  a('1-1101', 'Kas', 'asset', 'kas_dan_setara_kas', 'cash'),
  a('1-1102', 'Kas kecil', 'asset', 'kas_dan_setara_kas', 'cash'),
  a('1-1201', 'Bank', 'asset', 'kas_dan_setara_kas', 'cash'),
  a('1-1301', 'Piutang usaha', 'asset', 'piutang_usaha', 'operating'),
  a('1-1401', 'Persediaan barang', 'asset', 'persediaan', 'operating'),
  a('1-1501', 'Biaya dibayar di muka', 'asset', 'aset_lancar_lain', 'operating'),
  a('1-1601', 'Tanah', 'asset', 'aset_tetap', 'investing'),
  a('1-1602', 'Bangunan', 'asset', 'aset_tetap', 'investing'),
  a('1-1603', 'Kendaraan', 'asset', 'aset_tetap', 'investing'),
  a('1-1604', 'Inventaris kantor', 'asset', 'aset_tetap', 'investing'),
  a('1-1699', 'Akumulasi penyusutan', 'asset', 'aset_tetap', 'operating', { normalSide: 'credit' }),
  a('2-1101', 'Utang usaha', 'liability', 'kewajiban_lancar', 'operating'),
  a('2-1201', 'Simpanan sukarela', 'liability', 'simpanan_anggota', 'financing', {
    subledger: 'savings',
  }),
  a('2-1301', 'Utang pajak', 'liability', 'kewajiban_lancar', 'operating'),
  a('2-1401', 'SHU yang akan dibagikan', 'liability', 'dana_shu', 'financing'),
  a('2-1402', 'Dana pengurus dan pengawas', 'liability', 'dana_shu', 'financing'),
  a('2-1403', 'Dana kesejahteraan karyawan', 'liability', 'dana_shu', 'financing'),
  a('2-1404', 'Dana pendidikan', 'liability', 'dana_shu', 'financing'),
  a('2-1405', 'Dana sosial', 'liability', 'dana_shu', 'financing'),
  a('2-1406', 'Dana pembangunan daerah kerja', 'liability', 'dana_shu', 'financing'),
  a('2-1501', 'Saldo dompet anggota', 'liability', 'simpanan_anggota', 'financing', {
    subledger: 'wallet',
  }),
  a('2-2101', 'Utang bank jangka panjang', 'liability', 'kewajiban_jangka_panjang', 'financing'),
  a('3-1101', 'Simpanan pokok', 'equity', 'simpanan_pokok', 'financing', { subledger: 'savings' }),
  a('3-1102', 'Simpanan wajib', 'equity', 'simpanan_wajib', 'financing', { subledger: 'savings' }),
  a('3-1103', 'Modal penyertaan', 'equity', 'modal_penyertaan', 'financing'),
  a('3-1104', 'Hibah', 'equity', 'hibah', 'financing'),
  a('3-1201', 'Cadangan umum', 'equity', 'cadangan', 'financing'),
  a('3-1202', 'Cadangan risiko', 'equity', 'cadangan', 'financing'),
  a('3-1301', 'SHU tahun berjalan', 'equity', 'shu_tahun_berjalan', 'operating'),
  a('3-1302', 'SHU tahun lalu belum dibagi', 'equity', 'shu_belum_dibagi', 'financing'),
  a('4-1301', 'Pendapatan lain-lain', 'revenue', 'pendapatan_lain', 'operating', {
    participation: 'non_member',
  }),
  a('5-2101', 'Beban jasa simpanan', 'expense', 'beban_usaha', 'operating'),
  a('5-2201', 'Beban gaji', 'expense', 'beban_usaha', 'operating'),
  a('5-2202', 'Beban listrik, air dan telekomunikasi', 'expense', 'beban_usaha', 'operating'),
  a('5-2203', 'Beban alat tulis kantor', 'expense', 'beban_usaha', 'operating'),
  a('5-2204', 'Beban sewa', 'expense', 'beban_usaha', 'operating'),
  a('5-2301', 'Beban penyusutan', 'expense', 'beban_usaha', 'operating'),
  a('5-2401', 'Beban organisasi dan RAT', 'expense', 'beban_perkoperasian', 'operating'),
  a('5-2402', 'Beban pendidikan dan pelatihan', 'expense', 'beban_perkoperasian', 'operating'),
  a('5-2901', 'Beban pajak penghasilan', 'expense', 'beban_pajak', 'operating'),
];

const lending: AccountTemplate[] = ofUnit('simpan_pinjam', [
  a('1-1310', 'Piutang pinjaman anggota', 'asset', 'piutang_pinjaman', 'operating', {
    subledger: 'loan',
  }),
  a('1-1319', 'Cadangan kerugian piutang', 'asset', 'piutang_pinjaman', 'operating', {
    normalSide: 'credit',
  }),
  a('2-1202', 'Simpanan berjangka', 'liability', 'simpanan_anggota', 'financing', {
    subledger: 'savings',
  }),
  a('4-1201', 'Pendapatan jasa pinjaman', 'revenue', 'pendapatan_jasa_pinjaman', 'operating', {
    participation: 'member',
  }),
  a(
    '4-1202',
    'Pendapatan administrasi dan provisi',
    'revenue',
    'pendapatan_jasa_pinjaman',
    'operating',
    { participation: 'member' },
  ),
  a('4-1203', 'Pendapatan denda', 'revenue', 'pendapatan_jasa_pinjaman', 'operating', {
    participation: 'member',
  }),
  a('5-2501', 'Beban penyisihan kerugian piutang', 'expense', 'beban_usaha', 'operating'),
  // Bank facilities (loans/bank-facilities): collections held for a channeling bank until
  // remitted, the cooperative's channeling fee (earned from the bank, a non-member), and the
  // interest an executing facility costs.
  a('2-1601', 'Titipan setoran channeling bank', 'liability', 'kewajiban_lancar', 'operating'),
  a(
    '4-1211',
    'Pendapatan fee channeling bank',
    'revenue',
    'pendapatan_jasa_pinjaman',
    'operating',
    {
      participation: 'non_member',
    },
  ),
  a('5-2102', 'Beban bunga pinjaman bank', 'expense', 'beban_usaha', 'operating'),
]);

const trading: AccountTemplate[] = ofUnit('toko', [
  a('4-1101', 'Penjualan kepada anggota', 'revenue', 'penjualan', 'operating', {
    participation: 'member',
  }),
  a('4-1102', 'Penjualan kepada non-anggota', 'revenue', 'penjualan', 'operating', {
    participation: 'non_member',
  }),
  a('5-1101', 'Harga pokok penjualan', 'expense', 'harga_pokok', 'operating'),
]);

const producing: AccountTemplate[] = ofUnit('produksi', [
  a('4-1111', 'Penjualan hasil produksi anggota', 'revenue', 'penjualan', 'operating', {
    participation: 'member',
  }),
  a('4-1112', 'Penjualan hasil non-anggota', 'revenue', 'penjualan', 'operating', {
    participation: 'non_member',
  }),
  a('5-1102', 'Pembelian hasil dari anggota', 'expense', 'harga_pokok', 'operating'),
]);

const services: AccountTemplate[] = ofUnit('jasa', [
  a('4-1401', 'Pendapatan jasa kepada anggota', 'revenue', 'pendapatan_jasa', 'operating', {
    participation: 'member',
  }),
  a('4-1402', 'Pendapatan jasa kepada non-anggota', 'revenue', 'pendapatan_jasa', 'operating', {
    participation: 'non_member',
  }),
]);

const byType: Record<CooperativeType, AccountTemplate[]> = {
  simpan_pinjam: [...common, ...lending],
  konsumen: [...common, ...trading],
  produsen: [...common, ...producing],
  pemasaran: [...common, ...producing, ...trading.filter((account) => account.class === 'revenue')],
  jasa: [...common, ...services],
  serba_usaha: [...common, ...lending, ...trading, ...services],
};

/** The chart a new cooperative of `type` starts with, sorted by code. */
export function chartTemplateFor(type: CooperativeType): AccountTemplate[] {
  return [...byType[type]].sort((left, right) => left.code.localeCompare(right.code));
}

export function normalSideOf(account: Pick<AccountTemplate, 'class' | 'normalSide'>): Side {
  if (account.normalSide) return account.normalSide;
  return account.class === 'asset' || account.class === 'expense' ? 'debit' : 'credit';
}

export const wellKnownCodes = {
  cash: '1-1101',
  currentYearShu: '3-1301',
} as const;
