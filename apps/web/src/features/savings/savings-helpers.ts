import { isRupiahString, maxLineAmount, parseRupiahInput } from '../ledger/rupiah';
import type {
  MemberSavingsView,
  SavingsAccountBalance,
  SavingsKind,
  TellerTransactionType,
} from './savings-types';

/** The account of one kind, or a zero balance when the server did not list it. */
export function accountOf(view: MemberSavingsView, kind: SavingsKind): SavingsAccountBalance {
  return (
    view.accounts.find((account) => account.kind === kind) ?? {
      kind,
      accountId: null,
      code: null,
      balance: '0',
      available: '0',
    }
  );
}

/** Deposits go into any of the three; cash comes out of sukarela only (pokok and wajib stay). */
export function kindsFor(type: TellerTransactionType): readonly SavingsKind[] {
  return type === 'deposit' ? ['pokok', 'wajib', 'sukarela'] : ['sukarela'];
}

/** A teller or transfer amount: whole rupiah above zero, at most 10^15. Returns digits or null. */
export function parsePositiveAmount(text: string): string | null {
  const digits = parseRupiahInput(text);
  if (digits === null) return null;
  const amount = BigInt(digits);
  return amount > 0n && amount <= maxLineAmount ? amount.toString() : null;
}

/** Counted cash or an opening float: zero allowed, at most 16 digits (the server's limit). */
export function parseCashCount(text: string): string | null {
  const digits = parseRupiahInput(text);
  if (digits === null || digits.length > 16) return null;
  return BigInt(digits).toString();
}

/** Whether a withdrawal of `amount` fits the available balance (BigInt, strings from the API). */
export function fitsAvailable(amount: string, available: string): boolean {
  if (!isRupiahString(amount) || !isRupiahString(available)) return false;
  return BigInt(amount) <= BigInt(available);
}

/** A transaction PIN is exactly six digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{6}$/.test(pin);
}

/** A member number as the transfer endpoint takes it: 1 to 6 digits ("000123" stays as typed). */
export function readMemberNumber(text: string): string | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? trimmed : null;
}

/**
 * A scanned or pasted member card: `v1.<base64url>.<base64url>`. Scanners and clipboards add
 * whitespace or line breaks; anything else is not a card.
 */
export function readCardPayload(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  return /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(compact) && compact.length <= 2000
    ? compact
    : null;
}

/** How a closed drawer came out: counted − expected, negative is a shortfall. */
export function differenceKind(difference: string): 'short' | 'over' | 'balanced' {
  if (!isRupiahString(difference)) return 'balanced';
  const value = BigInt(difference);
  if (value < 0n) return 'short';
  return value > 0n ? 'over' : 'balanced';
}

/** after − before, exactly, as a rupiah string. */
export function rupiahChange(before: string, after: string): string {
  return (BigInt(after) - BigInt(before)).toString();
}
