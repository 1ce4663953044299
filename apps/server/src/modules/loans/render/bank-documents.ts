import { formatRupiah } from '@lumbung/shared/money';
import type { BankChannelingPackage } from '../queries/get-bank-channeling-package.js';
import type { FacilityReport } from '../queries/get-facility-report.js';

/**
 * A bank document laid out once and printed twice (PDF, XLSX): a title, then sections, each a
 * table of rows; rupiah stay bigint until the printer decides (text in the PDF, a number in
 * the spreadsheet).
 */
export type Cell = string | number | bigint | null;
export interface DocumentSection {
  title: string;
  header: string[];
  rows: Cell[][];
}
export interface BankDocument {
  title: string;
  subtitle: string;
  sections: DocumentSection[];
}

const text = (value: string | null | undefined): string => value ?? '-';

/** The package for the bank: member, loan, assessment, guarantors, collateral, approvals. */
export function channelingPackageDocument(pkg: BankChannelingPackage): BankDocument {
  const { member, loan } = pkg;
  return {
    title: `Berkas pengajuan kredit channeling — ${pkg.bank.name}`,
    subtitle: `Perjanjian ${pkg.facility.agreementNumber}; disiapkan ${pkg.preparedOn}`,
    sections: [
      {
        title: 'Identitas anggota',
        header: ['Keterangan', 'Isi'],
        rows: [
          ['Nomor anggota', text(member.memberNumber)],
          ['Nama lengkap', member.fullName],
          ['NIK', member.nik],
          ['Telepon', member.phone],
          ['Alamat', [member.address, member.village].filter(Boolean).join(', ')],
          ['Pekerjaan', [member.occupationSegment, member.employer].filter(Boolean).join(' — ')],
          ['Anggota sejak', text(member.joinedOn)],
        ],
      },
      {
        title: 'Pinjaman yang diajukan',
        header: ['Keterangan', 'Isi'],
        rows: [
          ['Jumlah', loan.amount],
          [
            'Jangka waktu (angsuran)',
            `${loan.installments} ${loan.frequency === 'weekly' ? 'minggu' : 'bulan'}`,
          ],
          ['Tujuan', loan.purpose],
          ['Penghasilan per bulan (pengakuan)', loan.declaredMonthlyIncome],
          ['Diajukan', loan.appliedAt.toISOString().slice(0, 10)],
        ],
      },
      {
        title: pkg.assessment
          ? `Penilaian: skor ${pkg.assessment.score} (${pkg.assessment.grade})`
          : 'Penilaian: belum ada',
        header: ['Faktor', 'Nilai', 'Poin', 'Maksimum'],
        rows: (pkg.assessment?.factors ?? []).map((factor) => [
          factor.key,
          factor.value === null ? '-' : String(factor.value),
          factor.points,
          factor.maxPoints,
        ]),
      },
      {
        title: 'Penjamin',
        header: ['Nama', 'NIK', 'Hubungan'],
        rows: pkg.guarantors.map((row) => [row.fullName, row.nik, row.relation]),
      },
      {
        title: 'Agunan',
        header: ['Jenis', 'Uraian', 'Taksiran nilai'],
        rows: pkg.collateral.map((row) => [row.kind, row.description, row.estimatedValue]),
      },
      {
        title: 'Persetujuan pengurus',
        header: ['Nama', 'Jabatan', 'Tanggal', 'Alasan'],
        rows: pkg.decisions.map((row) => [
          row.personName,
          row.roles.join(', '),
          row.decidedAt.toISOString().slice(0, 10),
          row.reason,
        ]),
      },
    ],
  };
}

/** The facility report for the bank: totals, per-member lines, movements or remittances. */
export function facilityReportDocument(report: FacilityReport): BankDocument {
  const { facility, totals } = report;
  const isExecuting = facility.kind === 'executing';
  const sections: DocumentSection[] = [
    {
      title: 'Ringkasan',
      header: ['Keterangan', 'Jumlah'],
      rows: [
        ['Plafon', totals.plafond],
        [isExecuting ? 'Ditarik' : 'Dicairkan bank', totals.drawn],
        ['Pokok dibayar', totals.repaid],
        ['Baki debet', totals.outstanding],
        ['Bunga dibayar', totals.interestPaid],
        ...(isExecuting
          ? []
          : ([
              ['Setoran anggota', totals.collected],
              ['Disetor ke bank', totals.remitted],
              ['Fee koperasi', totals.fee],
              ['Setoran belum disetor', totals.collectedNotRemitted],
            ] as Cell[][])),
      ],
    },
    {
      title: 'Rincian per anggota',
      header: [
        'No. anggota',
        'Nama',
        'Status',
        'Pokok',
        'Cair',
        'Pokok dibayar',
        'Bunga dibayar',
        'Baki debet',
        'Belum disetor',
      ],
      rows: report.lines.map((line) => [
        text(line.memberNumber),
        line.memberName,
        line.status,
        line.principal,
        text(line.disbursedOn),
        line.principalRepaid,
        line.interestRepaid,
        line.outstanding,
        line.collectedNotRemitted,
      ]),
    },
    isExecuting
      ? {
          title: 'Penarikan dan angsuran ke bank',
          header: ['Tanggal', 'Jenis', 'Pokok', 'Bunga', 'Baki debet'],
          rows: report.movements.map((row) => [
            row.businessDate,
            row.kind === 'drawdown' ? 'Penarikan' : 'Angsuran',
            row.principal,
            row.interest,
            row.outstandingAfter,
          ]),
        }
      : {
          title: 'Setoran ke bank',
          header: ['Tanggal', 'Terkumpul', 'Fee', 'Disetor', 'Jumlah setoran'],
          rows: report.remittances.map((row) => [
            row.businessDate,
            row.collected,
            row.fee,
            row.remitted,
            row.collections,
          ]),
        },
  ];
  return {
    title: `Laporan fasilitas ${isExecuting ? 'executing' : 'channeling'} ${facility.bankName}`,
    subtitle: `Perjanjian ${facility.agreementNumber}; per ${report.asOf}`,
    sections,
  };
}

/** A cell as the PDF prints it. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'bigint') return formatRupiah(cell);
  return String(cell);
}
