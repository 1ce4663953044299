import type { ErrorCode } from '@lumbung/shared/error-codes';
import type { EntryInput } from '../ledger.types.js';

export type EntryRefusal = {
  code: Extract<ErrorCode, `ledger.${string}`>;
  params: Record<string, unknown>;
};

/** The largest amount a line may carry: a quadrillion rupiah, far above any cooperative's books. */
const maxLineAmount = 10n ** 15n;

/**
 * The checks an entry passes before touching the database: at least two lines, each a positive
 * whole number of rupiah, debits equal to credits. Returns the first refusal, or null.
 */
export function findEntryRefusal(entry: Pick<EntryInput, 'lines'>): EntryRefusal | null {
  if (entry.lines.length < 2) return { code: 'ledger.entry_too_few_lines', params: {} };
  let debit = 0n;
  let credit = 0n;
  for (const [index, line] of entry.lines.entries()) {
    if (typeof line.amount !== 'bigint' || line.amount <= 0n || line.amount > maxLineAmount) {
      return { code: 'ledger.amount_invalid', params: { line: index + 1 } };
    }
    if (line.side === 'debit') debit += line.amount;
    else credit += line.amount;
  }
  if (debit !== credit) {
    return {
      code: 'ledger.entry_not_balanced',
      params: { debit: debit.toString(), credit: credit.toString() },
    };
  }
  return null;
}

export function totalOf(entry: Pick<EntryInput, 'lines'>): bigint {
  return entry.lines.reduce((sum, line) => (line.side === 'debit' ? sum + line.amount : sum), 0n);
}

/** '2026-03-15' -> '2026-03-01', the month a business date falls in. */
export function periodMonthOf(businessDate: string): string {
  return `${businessDate.slice(0, 7)}-01`;
}
