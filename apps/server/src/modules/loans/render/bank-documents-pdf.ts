import PDFDocument from 'pdfkit';
import { cellText, type BankDocument } from './bank-documents.js';

const pageWidth = 515;

/** A bank document as an A4 PDF: title, then each section as a simple ruled table. */
export function renderBankDocumentPdf(document: BankDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: document.title, Creator: 'Lumbung' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('Helvetica-Bold').fontSize(13).text(document.title, { align: 'center' });
  pdf.font('Helvetica').fontSize(9).text(document.subtitle, { align: 'center' });
  for (const section of document.sections) {
    pdf.moveDown(0.8);
    pdf.font('Helvetica-Bold').fontSize(10).text(section.title, 40);
    const width = pageWidth / section.header.length;
    const drawRow = (cells: string[], font: string) => {
      if (pdf.y > pdf.page.height - 60) pdf.addPage();
      const y = pdf.y;
      pdf.font(font).fontSize(8);
      cells.forEach((cell, index) =>
        pdf.text(cell, 40 + index * width, y, {
          width: width - 4,
          lineBreak: false,
          ellipsis: true,
        }),
      );
      pdf.x = 40;
      pdf.y = y + 12;
    };
    drawRow(section.header, 'Helvetica-Bold');
    for (const row of section.rows) drawRow(row.map(cellText), 'Helvetica');
    if (section.rows.length === 0) drawRow(['-'], 'Helvetica');
  }
  pdf.end();
  return done;
}
