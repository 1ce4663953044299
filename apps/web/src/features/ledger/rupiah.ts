import type { Locale } from '@lumbung/shared';

/**
 * Rupiah arrive from the API as decimal integer strings and may exceed 2^53, so they are never
 * turned into JS numbers here: formatting works on the digits, arithmetic uses BigInt.
 */
const rupiahWirePattern = /^-?\d+$/;

/** The largest line amount the ledger accepts (a quadrillion rupiah, as the server checks). */
export const maxLineAmount = 10n ** 15n;

export function isRupiahString(value: string): boolean {
  return rupiahWirePattern.test(value);
}

/**
 * "Rp1.240.000" in Indonesian, "Rp1,240,000" in English; negatives as "-Rp1.000" (the grouping
 * of packages/shared formatRupiah, from a string). A value that is not a rupiah string is shown
 * as it came, so an unexpected API shape degrades to readable text instead of a crash.
 */
export function formatRupiah(amount: string, locale: Locale = 'id'): string {
  if (!isRupiahString(amount)) return amount;
  const grouped = groupDigits(amount, locale);
  return grouped.startsWith('-') ? `-Rp${grouped.slice(1)}` : `Rp${grouped}`;
}

/** "1.240" (id) or "1,240" (en) for a whole number given as a string; other text unchanged. */
export function groupDigits(value: string, locale: Locale = 'id'): string {
  if (!isRupiahString(value)) return value;
  const isNegative = value.startsWith('-');
  const digits = (isNegative ? value.slice(1) : value).replace(/^0+(?=\d)/, '');
  const separator = locale === 'id' ? '.' : ',';
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return isNegative && digits !== '0' ? `-${grouped}` : grouped;
}

/**
 * Reads what a person typed as a whole rupiah amount: "150000", "150.000", "150,000" or
 * "Rp 150.000". Separators must group thousands (so "1.50" is refused rather than guessed).
 * Returns the canonical digit string, or null when the text is not a whole amount.
 */
export function parseRupiahInput(text: string): string | null {
  const trimmed = text.trim().replace(/^rp\.?\s*/i, '');
  const isPlain = /^\d+$/.test(trimmed);
  const isGrouped = /^\d{1,3}(\.\d{3})+$/.test(trimmed) || /^\d{1,3}(,\d{3})+$/.test(trimmed);
  if (!isPlain && !isGrouped) return null;
  return trimmed.replace(/[.,]/g, '').replace(/^0+(?=\d)/, '');
}

/** A journal line amount: a whole number of rupiah above zero and at most `maxLineAmount`. */
export function parseLineAmount(text: string): bigint | null {
  const digits = parseRupiahInput(text);
  if (digits === null) return null;
  const amount = BigInt(digits);
  return amount > 0n && amount <= maxLineAmount ? amount : null;
}

/** Sums rupiah strings exactly; a value that is not a rupiah string is a programming error. */
export function sumRupiah(amounts: readonly string[]): string {
  return amounts
    .reduce((sum, amount) => {
      if (!isRupiahString(amount)) throw new RangeError(`not a rupiah string: "${amount}"`);
      return sum + BigInt(amount);
    }, 0n)
    .toString();
}
