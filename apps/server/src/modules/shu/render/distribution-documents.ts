import PDFDocument from 'pdfkit';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import { assert } from '../../../platform/assert.js';

/** One member's line of the distribution list (rupiah as bigint). */
export interface DistributionListRow {
  memberNumber: string | null;
  fullName: string | null;
  capitalBase: bigint;
  jasaModal: bigint;
  jasaUsaha: bigint;
  share: bigint;
  tax: bigint;
  net: bigint;
}

export interface DistributionList {
  cooperativeName: string;
  fiscalYear: string;
  status: string;
  ratDate: string | null;
  minutesReference: string | null;
  rows: DistributionListRow[];
}

const headings = [
  'No. anggota',
  'Nama',
  'Modal dihitung',
  'Jasa modal',
  'Jasa usaha',
  'SHU',
  'Pajak',
  'Diterima',
];

/** Rupiah with Indonesian thousands dots: 1.240.000 */
const grouped = (amount: bigint) => amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

function totalsOf(rows: DistributionListRow[]) {
  const sum = (pick: (row: DistributionListRow) => bigint) =>
    rows.reduce((total, row) => total + pick(row), 0n);
  return {
    capitalBase: sum((row) => row.capitalBase),
    jasaModal: sum((row) => row.jasaModal),
    jasaUsaha: sum((row) => row.jasaUsaha),
    share: sum((row) => row.share),
    tax: sum((row) => row.tax),
    net: sum((row) => row.net),
  };
}

const amountsOf = (row: Omit<DistributionListRow, 'memberNumber' | 'fullName'>) => [
  row.capitalBase,
  row.jasaModal,
  row.jasaUsaha,
  row.share,
  row.tax,
  row.net,
];

function titleOf(list: DistributionList) {
  const approval = list.ratDate
    ? `Disahkan RAT ${list.ratDate} (${list.minutesReference ?? '-'})`
    : `Status: ${list.status}`;
  return { title: `DAFTAR PEMBAGIAN SHU TAHUN BUKU ${list.fiscalYear}`, approval };
}

/** The distribution list as a spreadsheet: numbers stay numbers so the RAT file adds up again. */
export function renderDistributionXlsx(list: DistributionList): Promise<Buffer> {
  const money = (amount: bigint, bold = false): Cell => {
    const value = Number(amount);
    assert(Number.isSafeInteger(value), 'an SHU amount fits a spreadsheet number');
    return {
      value,
      type: Number,
      format: '#,##0',
      ...(bold ? { fontWeight: 'bold' as const } : {}),
    };
  };
  const { title, approval } = titleOf(list);
  const totals = totalsOf(list.rows);
  const data: Row[] = [
    [{ value: list.cooperativeName.toUpperCase(), fontWeight: 'bold' }],
    [{ value: title, fontWeight: 'bold' }],
    [{ value: approval }],
    [null],
    headings.map((value): Cell => ({ value, fontWeight: 'bold', bottomBorderStyle: 'thin' })),
    ...list.rows.map((row): Row => [
      { value: row.memberNumber ?? '' },
      { value: row.fullName ?? '' },
      ...amountsOf(row).map((amount) => money(amount)),
    ]),
    [
      { value: 'Jumlah', fontWeight: 'bold' },
      null,
      ...amountsOf(totals).map((amount) => money(amount, true)),
    ],
  ];
  return writeXlsxFile(data, {
    sheet: `SHU ${list.fiscalYear}`,
    columns: [{ width: 12 }, { width: 32 }, ...headings.slice(2).map(() => ({ width: 16 }))],
  }).toBuffer();
}

const widths = [55, 125, 70, 60, 60, 60, 45, 60];

/** The distribution list as an A4 landscape PDF with totals and the signature line. */
export function renderDistributionPdf(list: DistributionList): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    info: { Title: `Daftar pembagian SHU ${list.fiscalYear}`, Creator: 'Lumbung' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const { title, approval } = titleOf(list);
  pdf
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(list.cooperativeName.toUpperCase(), { align: 'center' });
  pdf.text(title, { align: 'center' });
  pdf.font('Helvetica').fontSize(9).text(approval, { align: 'center' });
  pdf.moveDown(0.5);
  const draw = (cells: string[], y: number, font: string) => {
    let x = 36;
    pdf.font(font).fontSize(8);
    cells.forEach((cell, index) => {
      const width = (widths[index] ?? 60) * 1.3;
      pdf.text(cell, x, y, {
        width: width - 4,
        align: index < 2 ? 'left' : 'right',
        lineBreak: false,
        ellipsis: true,
      });
      x += width;
    });
  };
  let y = pdf.y;
  draw(headings, y, 'Helvetica-Bold');
  for (const row of list.rows) {
    y += 13;
    if (y > pdf.page.height - 60) {
      pdf.addPage();
      y = 36;
    }
    draw(
      [row.memberNumber ?? '', row.fullName ?? '', ...amountsOf(row).map(grouped)],
      y,
      'Helvetica',
    );
  }
  y += 16;
  draw(['', 'Jumlah', ...amountsOf(totalsOf(list.rows)).map(grouped)], y, 'Helvetica-Bold');
  pdf.end();
  return done;
}
