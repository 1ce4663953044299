import writeXlsxFile, { type Cell as XlsxCell, type Row } from 'write-excel-file/node';
import { assert } from '../../../platform/assert.js';
import type { BankDocument, Cell } from './bank-documents.js';

const rupiahFormat = '"Rp"#,##0;("Rp"#,##0);"-"';

/** Rupiah as spreadsheet numbers, so the bank can add them up again. */
function cellOf(cell: Cell): XlsxCell {
  if (cell === null) return null;
  if (typeof cell === 'bigint') {
    const value = Number(cell);
    assert(Number.isSafeInteger(value), 'a rupiah amount fits a spreadsheet number');
    return { value, type: Number, format: rupiahFormat };
  }
  if (typeof cell === 'number') return { value: cell, type: Number };
  return { value: cell, type: String };
}

/** A bank document as one sheet: title, then each section's title, header and rows. */
export function renderBankDocumentXlsx(document: BankDocument): Promise<Buffer> {
  const width = Math.max(2, ...document.sections.map((section) => section.header.length));
  const rows: Row[] = [
    [{ value: document.title, fontWeight: 'bold' }],
    [{ value: document.subtitle }],
  ];
  for (const section of document.sections) {
    rows.push([null]);
    rows.push([{ value: section.title, fontWeight: 'bold' }]);
    rows.push(
      section.header.map((label): XlsxCell => ({
        value: label,
        fontWeight: 'bold',
        bottomBorderStyle: 'thin',
      })),
    );
    for (const row of section.rows) rows.push(row.map(cellOf));
  }
  return writeXlsxFile(rows, {
    sheet: 'Lumbung',
    columns: Array.from({ length: width }, (_, index) => ({ width: index === 0 ? 30 : 20 })),
  }).toBuffer();
}
