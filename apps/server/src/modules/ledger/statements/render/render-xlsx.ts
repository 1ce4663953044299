import writeXlsxFile, { type Cell, type CellObject, type Row } from 'write-excel-file/node';
import { assert } from '../../../../platform/assert.js';
import type { DocumentRow, StatementDocument } from './statement-document.js';

/** Rupiah with the reader's grouping (dots in an Indonesian Excel), negatives in parentheses. */
const rupiahFormat = '"Rp"#,##0;("Rp"#,##0);"-"';
const ruledAbove: CellObject = { topBorderStyle: 'thin' };
const ruledTotal: CellObject = {
  fontWeight: 'bold',
  topBorderStyle: 'thin',
  bottomBorderStyle: 'double',
};

/**
 * A spreadsheet cell holds a number, so the accountant can add it up again. Rupiah beyond 2^53
 * (nine quadrillion) would lose digits as a spreadsheet number; no cooperative is near that.
 */
function amountCell(amount: bigint, style: CellObject = {}): Cell {
  const value = Number(amount);
  assert(Number.isSafeInteger(value), 'a statement amount fits a spreadsheet number');
  return { ...style, value, type: Number, format: rupiahFormat };
}

function rowOf(row: DocumentRow): Row {
  switch (row.kind) {
    case 'blank':
      return [null];
    case 'heading':
      return [{ value: row.label, fontWeight: 'bold', indent: row.level }];
    case 'line':
      return [{ value: row.label, indent: 2 }, ...row.amounts.map((amount) => amountCell(amount))];
    case 'subtotal':
      return [
        { value: row.label, indent: 1 },
        ...row.amounts.map((amount) => amountCell(amount, ruledAbove)),
      ];
    case 'total':
      return [
        { value: row.label, fontWeight: 'bold' },
        ...row.amounts.map((amount) => amountCell(amount, ruledTotal)),
      ];
  }
}

/** A row of `width` cells with `cells` placed at their column indexes. */
function placed(width: number, cells: Record<number, CellObject>): Row {
  return Array.from({ length: width }, (_, column) => cells[column] ?? null);
}

function signatureRows(document: StatementDocument, width: number): Row[] {
  const last = width - 1;
  const centered = (value: string, fontWeight?: 'bold'): CellObject =>
    fontWeight ? { value, align: 'center', fontWeight } : { value, align: 'center' };
  const blankLine = '(................................)';
  return [
    [null],
    [null],
    placed(width, { [last]: centered(document.preparedOn) }),
    [
      {
        value: `Pengurus ${document.cooperativeName}`,
        fontWeight: 'bold',
        align: 'center',
        columnSpan: width,
      },
    ],
    placed(width, { 0: centered('Ketua', 'bold'), [last]: centered('Bendahara', 'bold') }),
    [null],
    [null],
    [null],
    placed(width, { 0: centered(blankLine), [last]: centered(blankLine) }),
  ];
}

/** One sheet laid out like the PDF: header, column headings, rows, signatures. */
export function renderXlsx(document: StatementDocument): Promise<Buffer> {
  const width = document.columns.length + 1;
  const header = (value: string, fontSize?: number): Row =>
    placed(width, {
      0: {
        value,
        align: 'center',
        columnSpan: width,
        ...(fontSize ? { fontWeight: 'bold' as const, fontSize } : {}),
      },
    });
  const data: Row[] = [
    header(document.cooperativeName.toUpperCase(), 13),
    header(document.title, 12),
    header(document.subtitle),
    [null],
    [
      { value: 'Keterangan', fontWeight: 'bold', bottomBorderStyle: 'thin' },
      ...document.columns.map((label): Cell => ({
        value: label,
        fontWeight: 'bold',
        align: 'right',
        wrap: true,
        bottomBorderStyle: 'thin',
      })),
    ],
    ...document.rows.map(rowOf),
    ...signatureRows(document, width),
  ];
  return writeXlsxFile(data, {
    sheet: document.title.slice(0, 31),
    columns: [{ width: 50 }, ...document.columns.map(() => ({ width: 22 }))],
    ...(document.orientation === 'landscape' ? { orientation: 'landscape' as const } : {}),
  }).toBuffer();
}
