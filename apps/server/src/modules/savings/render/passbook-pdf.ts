import PDFDocument from 'pdfkit';
import type { Passbook } from '../queries/get-passbook.js';

const kindNames = {
  pokok: 'Simpanan Pokok',
  wajib: 'Simpanan Wajib',
  sukarela: 'Simpanan Sukarela',
};

/** Rupiah with Indonesian thousands dots, a minus for negatives: 1.250.000 */
export function formatPassbookAmount(amount: bigint): string {
  const digits = (amount < 0n ? -amount : amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0n ? `-${digits}` : digits;
}

/** dd-mm-yyyy, the way a buku tabungan prints dates. */
function formatDate(date: string): string {
  return `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;
}

const columns = [
  { title: 'Tanggal', width: 70, align: 'left' as const },
  { title: 'Keterangan', width: 185, align: 'left' as const },
  { title: 'Debit', width: 85, align: 'right' as const },
  { title: 'Kredit', width: 85, align: 'right' as const },
  { title: 'Saldo', width: 90, align: 'right' as const },
];

function drawRow(pdf: PDFKit.PDFDocument, cells: string[], y: number, font: string) {
  let x = 40;
  pdf.font(font).fontSize(8.5);
  columns.forEach((column, index) => {
    pdf.text(cells[index] ?? '', x, y, {
      width: column.width - 4,
      align: column.align,
      lineBreak: false,
      ellipsis: true,
    });
    x += column.width;
  });
}

/** The passbook as an A4 PDF: header, member, then date / description / debit / credit / saldo. */
export function renderPassbookPdf(passbook: Passbook): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `Buku simpanan ${passbook.account.code}`, Creator: 'Lumbung' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf
    .font('Helvetica-Bold')
    .fontSize(13)
    .text(`BUKU ${kindNames[passbook.account.kind].toUpperCase()}`, { align: 'center' });
  pdf.font('Helvetica').fontSize(10);
  pdf.text(`Nama anggota: ${passbook.member.fullName}`);
  pdf.text(`Nomor anggota: ${passbook.member.memberNumber}`);
  pdf.text(`Rekening: ${passbook.account.code}`);
  pdf.text(`Periode: ${formatDate(passbook.from)} s.d. ${formatDate(passbook.to)}`);
  pdf.moveDown(0.5);
  let y = pdf.y;
  drawRow(
    pdf,
    columns.map((column) => column.title),
    y,
    'Helvetica-Bold',
  );
  y += 16;
  drawRow(
    pdf,
    [
      formatDate(passbook.from),
      'Saldo awal',
      '',
      '',
      formatPassbookAmount(passbook.openingBalance),
    ],
    y,
    'Helvetica',
  );
  for (const line of passbook.lines) {
    y += 14;
    if (y > pdf.page.height - 60) {
      pdf.addPage();
      y = 40;
    }
    drawRow(
      pdf,
      [
        formatDate(line.businessDate),
        line.description,
        line.debit > 0n ? formatPassbookAmount(line.debit) : '',
        line.credit > 0n ? formatPassbookAmount(line.credit) : '',
        formatPassbookAmount(line.balance),
      ],
      y,
      'Helvetica',
    );
  }
  pdf.end();
  return done;
}
