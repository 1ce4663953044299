import { normalizePhone } from '@lumbung/shared/phone';
import type { Tx } from '../../../platform/db/database.js';
import {
  findLatestOneTimeCode,
  findPersonIdByPhone,
  recordOneTimeCodeAttempt,
} from '../identity.sql.js';
import { hashOneTimeCode, oneTimeCodeMaxAttempts } from '../rules/one-time-code.js';

export type CodeCheck =
  | { kind: 'valid'; personId: string }
  | { kind: 'refused'; code: 'auth.otp_invalid' | 'auth.otp_too_many_attempts' };

/**
 * Checks the latest unused code for the phone and purpose. Every attempt is counted (and commits
 * even when refused: the caller returns the refusal, it does not throw inside the transaction).
 */
export async function consumeOneTimeCode(
  ctx: { tx: Tx; now: Date },
  input: { phone: string; code: string; purpose: 'login' | 'reset_password' },
): Promise<CodeCheck> {
  const phone = normalizePhone(input.phone);
  const stored = phone ? await findLatestOneTimeCode(ctx.tx, phone, input.purpose) : null;
  if (!phone || !stored || stored.expiresAt.getTime() <= ctx.now.getTime()) {
    return { kind: 'refused', code: 'auth.otp_invalid' };
  }
  if (stored.attempts >= oneTimeCodeMaxAttempts)
    return { kind: 'refused', code: 'auth.otp_too_many_attempts' };
  const isMatch = hashOneTimeCode(stored.id, input.code) === stored.codeHash;
  await recordOneTimeCodeAttempt(ctx.tx, stored.id, isMatch ? ctx.now : null);
  const personId = isMatch ? await findPersonIdByPhone(ctx.tx, phone) : null;
  return personId ? { kind: 'valid', personId } : { kind: 'refused', code: 'auth.otp_invalid' };
}
