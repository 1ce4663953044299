import type {
  AmountPair,
  CashFlowActivity,
  CashFlowActivitySection,
  CashFlowRow,
  CashFlowStatement,
  StatementLine,
  StatementTotals,
} from '../statements.types.js';
import type { MovementInput } from './movements.js';
import {
  groupLabelOf,
  pairOf,
  statementAmountOf,
  subtractPairs,
  sumPairs,
} from './report-groups.js';

const activityLabels: Record<CashFlowActivity, string> = {
  operating: 'Arus kas dari aktivitas operasi',
  investing: 'Arus kas dari aktivitas investasi',
  financing: 'Arus kas dari aktivitas pendanaan',
};
const activities: CashFlowActivity[] = ['operating', 'investing', 'financing'];

/** How a direct-method statement names receipts and payments of the usual counterparts. */
const flowLabels: Record<string, { inflow: string; outflow: string }> = {
  piutang_pinjaman: {
    inflow: 'Penerimaan angsuran pinjaman anggota',
    outflow: 'Pinjaman yang disalurkan kepada anggota',
  },
  pendapatan_jasa_pinjaman: {
    inflow: 'Penerimaan jasa, administrasi dan denda pinjaman',
    outflow: 'Pengembalian pendapatan jasa pinjaman',
  },
  penjualan: { inflow: 'Penerimaan dari penjualan', outflow: 'Pengembalian penjualan' },
  pendapatan_jasa: {
    inflow: 'Penerimaan pendapatan jasa',
    outflow: 'Pengembalian pendapatan jasa',
  },
  pendapatan_lain: {
    inflow: 'Penerimaan pendapatan lain-lain',
    outflow: 'Pengembalian pendapatan lain-lain',
  },
  piutang_usaha: { inflow: 'Penerimaan piutang usaha', outflow: 'Pemberian piutang usaha' },
  persediaan: { inflow: 'Penerimaan dari persediaan', outflow: 'Pembelian persediaan' },
  harga_pokok: {
    inflow: 'Pengembalian pembelian',
    outflow: 'Pembayaran pembelian dan harga pokok',
  },
  beban_usaha: { inflow: 'Pengembalian beban usaha', outflow: 'Pembayaran beban usaha' },
  beban_perkoperasian: {
    inflow: 'Pengembalian beban perkoperasian',
    outflow: 'Pembayaran beban perkoperasian',
  },
  beban_pajak: { inflow: 'Restitusi pajak', outflow: 'Pembayaran pajak' },
  kewajiban_lancar: {
    inflow: 'Penerimaan utang jangka pendek',
    outflow: 'Pembayaran utang jangka pendek',
  },
  aset_tetap: { inflow: 'Penjualan aset tetap', outflow: 'Pembelian aset tetap' },
  simpanan_anggota: {
    inflow: 'Penerimaan simpanan sukarela, berjangka dan dompet anggota',
    outflow: 'Penarikan simpanan sukarela, berjangka dan dompet anggota',
  },
  simpanan_pokok: { inflow: 'Penerimaan simpanan pokok', outflow: 'Pengembalian simpanan pokok' },
  simpanan_wajib: { inflow: 'Penerimaan simpanan wajib', outflow: 'Pengembalian simpanan wajib' },
  modal_penyertaan: {
    inflow: 'Penerimaan modal penyertaan',
    outflow: 'Pengembalian modal penyertaan',
  },
  hibah: { inflow: 'Penerimaan hibah', outflow: 'Pengembalian hibah' },
  dana_shu: { inflow: 'Penerimaan dana-dana SHU', outflow: 'Pembayaran SHU dan dana-dana SHU' },
  shu_belum_dibagi: { inflow: 'Penerimaan terkait SHU', outflow: 'Pembayaran SHU' },
  shu_tahun_berjalan: { inflow: 'Penerimaan terkait SHU', outflow: 'Pembayaran SHU' },
  kewajiban_jangka_panjang: {
    inflow: 'Penerimaan pinjaman jangka panjang',
    outflow: 'Pelunasan pinjaman jangka panjang',
  },
};

function flowLabelOf(reportGroup: string, direction: 'inflow' | 'outflow'): string {
  const known = flowLabels[reportGroup];
  if (known) return known[direction];
  const kind = groupLabelOf(reportGroup).toLowerCase();
  return direction === 'inflow' ? `Penerimaan terkait ${kind}` : `Pembayaran terkait ${kind}`;
}

export interface CashFlowInput extends MovementInput {
  /** The period's cash movements by counterpart (readCashFlowRows, statements.sql.ts). */
  flows: readonly CashFlowRow[];
}

/** The balance of the cash accounts (cashFlowActivity 'cash') in a set of totals. */
export function cashBalanceOf(rows: StatementTotals): bigint {
  return rows
    .filter((row) => row.cashFlowActivity === 'cash')
    .reduce((sum, row) => sum + statementAmountOf(row), 0n);
}

function linesOf(flows: readonly CashFlowRow[], direction: 'inflow' | 'outflow'): StatementLine[] {
  const groups = [...new Set(flows.map((flow) => flow.reportGroup))].sort();
  const sign = direction === 'inflow' ? 1n : -1n;
  const amountIn = (group: string, period: CashFlowRow['period']) =>
    flows
      .filter((flow) => flow.reportGroup === group && flow.period === period)
      .reduce((sum, flow) => sum + sign * flow[direction], 0n);
  return groups
    .map((group) => ({
      key: `${direction}:${group}`,
      accountCode: null,
      label: flowLabelOf(group, direction),
      amount: pairOf(amountIn(group, 'current'), amountIn(group, 'prior')),
    }))
    .filter((line) => line.amount.current !== 0n || line.amount.prior !== 0n);
}

function activitySectionOf(
  activity: CashFlowActivity,
  flows: readonly CashFlowRow[],
): CashFlowActivitySection {
  const own = flows.filter((flow) => flow.activity === activity);
  const inflows = linesOf(own, 'inflow');
  const outflows = linesOf(own, 'outflow');
  const net = sumPairs([...inflows, ...outflows].map((line) => line.amount));
  return { activity, label: activityLabels[activity], inflows, outflows, net };
}

/**
 * Laporan Arus Kas, direct method, for the period beside the prior period: each activity's
 * receipts and payments by kind of counterpart, the net change, and the reconciliation
 * opening cash + net change = closing cash (cash = accounts with cashFlowActivity 'cash').
 */
export function computeCashFlow(input: CashFlowInput): CashFlowStatement {
  const sections = activities.map((activity) => activitySectionOf(activity, input.flows));
  const netChange = sumPairs(sections.map((section) => section.net));
  const openingCash: AmountPair = pairOf(
    cashBalanceOf(input.atStart),
    cashBalanceOf(input.atPriorStart),
  );
  const closingCash: AmountPair = pairOf(cashBalanceOf(input.atEnd), cashBalanceOf(input.atStart));
  const gap = subtractPairs(closingCash, sumPairs([openingCash, netChange]));
  return {
    periods: input.periods,
    activities: sections,
    netChange,
    openingCash,
    closingCash,
    isReconciled: gap.current === 0n && gap.prior === 0n,
  };
}
