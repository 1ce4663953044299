import { createHash } from 'node:crypto';

export const oneTimeCodeTtlMinutes = 5;
export const oneTimeCodeMaxAttempts = 5;

/** Six digits from a random 32-bit value; `randomValue` comes from the caller (no effects here). */
export function oneTimeCodeFrom(randomValue: number): string {
  return String(randomValue % 1_000_000).padStart(6, '0');
}

/** Codes are stored hashed with their row id, so a leaked table does not hand out live codes. */
export function hashOneTimeCode(codeId: string, code: string): string {
  return createHash('sha256').update(`${codeId}:${code}`).digest('hex');
}

export function oneTimeCodeText(code: string, locale: 'id' | 'en'): string {
  return locale === 'id'
    ? `Kode verifikasi Lumbung: ${code}. Berlaku ${oneTimeCodeTtlMinutes} menit. Jangan berikan kode ini kepada siapa pun.`
    : `Lumbung verification code: ${code}. Valid for ${oneTimeCodeTtlMinutes} minutes. Never share this code.`;
}
