/**
 * Normalises an Indonesian mobile number to E.164 (+628…): accepts 08…, 628…, +628…, 8…, with
 * spaces, dots, dashes or brackets. Returns null for anything that is not a mobile number
 * (mobile numbers start with 8 after the country code and have 9 to 12 digits after it).
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.trim().replace(/[\s.()-]/g, '');
  const match = /^(?:\+62|62|0)?(8\d{8,11})$/.exec(digits);
  return match ? `+62${match[1]}` : null;
}

/** "+6281234567890" -> "0812-3456-7890", the way people in Indonesia read a number. */
export function formatPhoneLocal(e164: string): string {
  const national = `0${e164.replace(/^\+62/, '')}`;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
