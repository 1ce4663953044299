import type { AmountPair, StatementPeriods, StatementSection } from '../statements.types.js';
import { periodSlug } from './indonesian-format.js';

/**
 * A statement laid out for print, the same for PDF and XLSX: a header (cooperative, title, the
 * date line), amount columns, rows, and the signature block of Ketua and Bendahara.
 */
export interface StatementDocument {
  /** File name without extension, e.g. "laporan-posisi-keuangan-2026-03". */
  fileName: string;
  cooperativeName: string;
  title: string;
  subtitle: string;
  orientation: 'portrait' | 'landscape';
  columns: string[];
  rows: DocumentRow[];
  /** The date under which the board signs, e.g. "2 April 2026". */
  preparedOn: string;
}

export type DocumentRow =
  | { kind: 'heading'; label: string; level: 0 | 1 }
  | { kind: 'line'; label: string; amounts: bigint[] }
  | { kind: 'subtotal'; label: string; amounts: bigint[] }
  | { kind: 'total'; label: string; amounts: bigint[] }
  | { kind: 'blank' };

/** What the route knows and the statement does not: whose statement, printed when. */
export interface DocumentHeader {
  cooperativeName: string;
  preparedOn: string;
}

export function fileNameOf(stem: string, periods: StatementPeriods): string {
  return `${stem}-${periodSlug(periods.current)}`;
}

export function amountsOf(pair: AmountPair): bigint[] {
  return [pair.current, pair.prior];
}

export function heading(label: string, level: 0 | 1 = 0): DocumentRow {
  return { kind: 'heading', label, level };
}

export function total(kind: 'subtotal' | 'total', label: string, pair: AmountPair): DocumentRow {
  return { kind, label, amounts: amountsOf(pair) };
}

/** A section as a heading, its lines and "Jumlah …" — or just its total when it has no lines. */
export function sectionRows(
  section: StatementSection,
  options: { totalLabel?: string } = {},
): DocumentRow[] {
  const totalLabel = options.totalLabel ?? `Jumlah ${section.label.toLowerCase()}`;
  return [
    heading(section.label, 1),
    ...section.lines.map((line): DocumentRow => ({
      kind: 'line',
      label: line.label,
      amounts: amountsOf(line.amount),
    })),
    total('subtotal', totalLabel, section.total),
  ];
}
