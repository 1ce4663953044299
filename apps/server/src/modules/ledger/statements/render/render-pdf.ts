import PDFDocument from 'pdfkit';
import { formatStatementAmount } from './indonesian-format.js';
import type { DocumentRow, StatementDocument } from './statement-document.js';

type Pdf = PDFKit.PDFDocument;

interface Layout {
  margin: number;
  fontSize: number;
  rowHeight: number;
  amountWidth: number;
  left: number;
  right: number;
  labelWidth: number;
  bottom: number;
}

const regular = 'Helvetica';
const bold = 'Helvetica-Bold';
const signatureHeight = 120;

function layoutOf(pdf: Pdf, document: StatementDocument): Layout {
  const isLandscape = document.orientation === 'landscape';
  const margin = isLandscape ? 40 : 50;
  const amountWidth = isLandscape ? 88 : 118;
  const left = margin;
  const right = pdf.page.width - margin;
  const columnsWidth = amountWidth * document.columns.length;
  return {
    margin,
    fontSize: isLandscape ? 8.5 : 9.5,
    rowHeight: isLandscape ? 14 : 15,
    amountWidth,
    left,
    right,
    labelWidth: right - left - columnsWidth - 8,
    bottom: pdf.page.height - margin - 20,
  };
}

function amountX(layout: Layout, index: number, count: number) {
  return layout.right - layout.amountWidth * (count - index);
}

function drawHeader(pdf: Pdf, document: StatementDocument, layout: Layout) {
  const width = layout.right - layout.left;
  pdf
    .font(bold)
    .fontSize(12)
    .text(document.cooperativeName.toUpperCase(), layout.left, layout.margin, {
      width,
      align: 'center',
    });
  pdf.font(bold).fontSize(12).text(document.title, { width, align: 'center' });
  pdf.font(regular).fontSize(10).text(document.subtitle, { width, align: 'center' });
  pdf.moveDown(0.6);
  const y = pdf.y;
  pdf.moveTo(layout.left, y).lineTo(layout.right, y).lineWidth(1).stroke();
  pdf.y = y + 6;
}

/** The amount columns' headings, repeated at the top of every page. */
function drawColumnHeadings(pdf: Pdf, document: StatementDocument, layout: Layout) {
  pdf.font(bold).fontSize(layout.fontSize - 0.5);
  const options = { width: layout.amountWidth - 6, align: 'right' as const };
  const height = Math.max(
    ...document.columns.map((label) => pdf.heightOfString(label, options)),
    layout.rowHeight,
  );
  const y = pdf.y;
  document.columns.forEach((label, index) => {
    const x = amountX(layout, index, document.columns.length) + 6;
    pdf.text(label, x, y + height - pdf.heightOfString(label, options), options);
  });
  const lineY = y + height + 3;
  pdf.moveTo(layout.left, lineY).lineTo(layout.right, lineY).lineWidth(0.5).stroke();
  pdf.y = lineY + 5;
}

function drawAmounts(pdf: Pdf, layout: Layout, amounts: readonly bigint[], y: number) {
  amounts.forEach((amount, index) => {
    const x = amountX(layout, index, amounts.length);
    pdf.text(formatStatementAmount(amount), x, y, { width: layout.amountWidth, align: 'right' });
  });
}

/** A rule over (or under) the amount columns, like a pencil line on a ledger sheet. */
function ruleOverAmounts(pdf: Pdf, layout: Layout, count: number, y: number) {
  for (let index = 0; index < count; index += 1) {
    const x = amountX(layout, index, count);
    pdf
      .moveTo(x + 14, y)
      .lineTo(x + layout.amountWidth, y)
      .lineWidth(0.5)
      .stroke();
  }
}

const indents = { heading: 0, line: 18, subtotal: 8, total: 0 } as const;

function labelStyle(row: Exclude<DocumentRow, { kind: 'blank' }>, layout: Layout) {
  const indent = row.kind === 'heading' && row.level === 1 ? 8 : indents[row.kind];
  const isStrong = row.kind === 'heading' || row.kind === 'total';
  return {
    indent,
    font: isStrong ? bold : regular,
    options: { width: layout.labelWidth - indent },
  };
}

/** How far a row moves down the page: long labels wrap onto more lines. */
function heightOfRow(pdf: Pdf, layout: Layout, row: DocumentRow): number {
  if (row.kind === 'blank') return layout.rowHeight / 2;
  const style = labelStyle(row, layout);
  pdf.font(style.font).fontSize(layout.fontSize);
  const labelHeight = pdf.heightOfString(row.label, style.options) + 4;
  return Math.max(layout.rowHeight, labelHeight) + (row.kind === 'total' ? 4 : 0);
}

function drawRow(pdf: Pdf, layout: Layout, row: DocumentRow) {
  const y = pdf.y;
  const height = heightOfRow(pdf, layout, row);
  if (row.kind !== 'blank') {
    const style = labelStyle(row, layout);
    pdf.text(row.label, layout.left + style.indent, y, style.options);
  }
  if (row.kind === 'line' || row.kind === 'subtotal' || row.kind === 'total') {
    if (row.kind !== 'line') ruleOverAmounts(pdf, layout, row.amounts.length, y - 3);
    drawAmounts(pdf, layout, row.amounts, y);
    if (row.kind === 'total') {
      ruleOverAmounts(pdf, layout, row.amounts.length, y + layout.rowHeight - 3);
      ruleOverAmounts(pdf, layout, row.amounts.length, y + layout.rowHeight - 1);
    }
  }
  pdf.y = y + height;
}

function drawSignatures(pdf: Pdf, document: StatementDocument, layout: Layout) {
  const half = (layout.right - layout.left) / 2;
  const centered = (text: string, column: 0 | 1, y: number, font = regular) =>
    pdf
      .font(font)
      .fontSize(10)
      .text(text, layout.left + half * column, y, { width: half, align: 'center' });
  const y = pdf.y + 24;
  centered(document.preparedOn, 1, y);
  pdf
    .font(bold)
    .fontSize(10)
    .text(`Pengurus ${document.cooperativeName}`, layout.left, y + 16, {
      width: layout.right - layout.left,
      align: 'center',
    });
  centered('Ketua', 0, y + 34, bold);
  centered('Bendahara', 1, y + 34, bold);
  centered('(................................................)', 0, y + 96);
  centered('(................................................)', 1, y + 96);
}

/** Page numbers and the maker's mark in every page's bottom margin. */
function drawFooters(pdf: Pdf, layout: Layout) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the margin must not open a new page
    const y = pdf.page.height - layout.margin + 4;
    pdf.font(regular).fontSize(7.5).fillColor('#555555');
    pdf.text('Disusun dengan Lumbung dari buku besar koperasi', layout.left, y, {
      lineBreak: false,
    });
    pdf.text(`Halaman ${index + 1} dari ${range.count}`, layout.left, y, {
      width: layout.right - layout.left,
      align: 'right',
      lineBreak: false,
    });
    pdf.fillColor('black');
    pdf.page.margins.bottom = bottomMargin;
  }
}

/** Lays a statement out on A4 pages and returns the PDF bytes. */
export function renderPdf(document: StatementDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: document.orientation,
    margin: document.orientation === 'landscape' ? 40 : 50,
    bufferPages: true,
    info: { Title: `${document.title} — ${document.cooperativeName}`, Creator: 'Lumbung' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const layout = layoutOf(pdf, document);
  drawHeader(pdf, document, layout);
  drawColumnHeadings(pdf, document, layout);
  for (const row of document.rows) {
    if (pdf.y + heightOfRow(pdf, layout, row) > layout.bottom) {
      pdf.addPage();
      pdf.y = layout.margin;
      drawColumnHeadings(pdf, document, layout);
    }
    drawRow(pdf, layout, row);
  }
  if (pdf.y + signatureHeight > layout.bottom) {
    pdf.addPage();
    pdf.y = layout.margin;
  }
  drawSignatures(pdf, document, layout);
  drawFooters(pdf, layout);
  pdf.end();
  return done;
}
