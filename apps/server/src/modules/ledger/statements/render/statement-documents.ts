import type {
  BalanceSheet,
  CashFlowStatement,
  EquityBlock,
  EquityChanges,
  EquityRow,
  IncomeStatement,
  StatementLine,
} from '../statements.types.js';
import { formatDateLong, formatPeriodRange, periodColumnLabel } from './indonesian-format.js';
import {
  amountsOf,
  fileNameOf,
  heading,
  sectionRows,
  total,
  type DocumentHeader,
  type DocumentRow,
  type StatementDocument,
} from './statement-document.js';

export function balanceSheetDocument(
  sheet: BalanceSheet,
  header: DocumentHeader,
): StatementDocument {
  const [currentLiabilities, longTermLiabilities] = sheet.liabilities.sections;
  return {
    ...header,
    fileName: fileNameOf('laporan-posisi-keuangan', sheet.periods),
    title: 'LAPORAN POSISI KEUANGAN',
    subtitle: `Per ${formatDateLong(sheet.asOf.current)}`,
    orientation: 'portrait',
    columns: [formatDateLong(sheet.asOf.current), formatDateLong(sheet.asOf.prior)],
    rows: [
      heading('ASET'),
      ...sheet.assets.sections.flatMap((section) => sectionRows(section)),
      total('total', 'JUMLAH ASET', sheet.assets.total),
      { kind: 'blank' },
      heading('KEWAJIBAN DAN EKUITAS'),
      ...[currentLiabilities, longTermLiabilities].flatMap((section) =>
        section ? sectionRows(section) : [],
      ),
      total('subtotal', 'Jumlah kewajiban', sheet.liabilities.total),
      ...sectionRows(sheet.equity),
      total('total', 'JUMLAH KEWAJIBAN DAN EKUITAS', sheet.liabilitiesAndEquity),
    ],
  };
}

export function incomeStatementDocument(
  statement: IncomeStatement,
  header: DocumentHeader,
): StatementDocument {
  const { periods, revenue } = statement;
  return {
    ...header,
    fileName: fileNameOf('laporan-hasil-usaha', periods),
    title: 'LAPORAN HASIL USAHA',
    subtitle: `Untuk periode ${formatPeriodRange(periods.current)}`,
    orientation: 'portrait',
    columns: [periodColumnLabel(periods.current), periodColumnLabel(periods.prior)],
    rows: [
      heading('PENDAPATAN'),
      ...sectionRows(revenue.member),
      ...sectionRows(revenue.nonMember),
      total('subtotal', 'Jumlah pendapatan', revenue.total),
      { kind: 'blank' },
      heading('BEBAN'),
      ...statement.expenses.flatMap((section) => sectionRows(section)),
      total('subtotal', 'Jumlah beban', statement.totalExpenses),
      { kind: 'blank' },
      total('total', 'SHU SEBELUM PAJAK', statement.shuBeforeTax),
      ...sectionRows(statement.tax),
      total('total', 'SHU SETELAH PAJAK', statement.shuAfterTax),
    ],
  };
}

function equityRowAmounts(row: EquityRow): bigint[] {
  return [row.simpananPokok, row.simpananWajib, row.ekuitasLain, row.cadangan, row.shu, row.total];
}

function equityBlockRows(block: EquityBlock): DocumentRow[] {
  const line = (label: string, row: EquityRow): DocumentRow => ({
    kind: 'line',
    label,
    amounts: equityRowAmounts(row),
  });
  return [
    heading(`Periode ${formatPeriodRange(block.period)}`, 1),
    {
      kind: 'line',
      label: `Saldo per ${formatDateLong(block.period.from)}`,
      amounts: equityRowAmounts(block.opening),
    },
    line('Penambahan', block.additions),
    line('Pengurangan', block.reductions),
    line('SHU periode berjalan', block.shuOfPeriod),
    {
      kind: 'total',
      label: `Saldo per ${formatDateLong(block.period.to)}`,
      amounts: equityRowAmounts(block.closing),
    },
  ];
}

export function equityChangesDocument(
  changes: EquityChanges,
  header: DocumentHeader,
): StatementDocument {
  return {
    ...header,
    fileName: fileNameOf('laporan-perubahan-ekuitas', changes.periods),
    title: 'LAPORAN PERUBAHAN EKUITAS',
    subtitle: `Untuk periode ${formatPeriodRange(changes.periods.current)}`,
    orientation: 'landscape',
    columns: changes.columns.map((column) => column.label),
    rows: [
      ...equityBlockRows(changes.current),
      { kind: 'blank' },
      ...equityBlockRows(changes.prior),
    ],
  };
}

export function cashFlowDocument(
  statement: CashFlowStatement,
  header: DocumentHeader,
): StatementDocument {
  const { periods } = statement;
  const lineRow = (line: StatementLine): DocumentRow => ({
    kind: 'line',
    label: line.label,
    amounts: amountsOf(line.amount),
  });
  return {
    ...header,
    fileName: fileNameOf('laporan-arus-kas', periods),
    title: 'LAPORAN ARUS KAS',
    subtitle: `Untuk periode ${formatPeriodRange(periods.current)} (metode langsung)`,
    orientation: 'portrait',
    columns: [periodColumnLabel(periods.current), periodColumnLabel(periods.prior)],
    rows: [
      ...statement.activities.flatMap((activity): DocumentRow[] => [
        heading(activity.label.toUpperCase()),
        ...activity.inflows.map(lineRow),
        ...activity.outflows.map(lineRow),
        total('subtotal', `${activity.label.replace('Arus kas', 'Kas bersih')}`, activity.net),
        { kind: 'blank' },
      ]),
      total('total', 'KENAIKAN (PENURUNAN) BERSIH KAS', statement.netChange),
      {
        kind: 'line',
        label: 'Kas dan setara kas awal periode',
        amounts: amountsOf(statement.openingCash),
      },
      total('total', 'KAS DAN SETARA KAS AKHIR PERIODE', statement.closingCash),
    ],
  };
}
