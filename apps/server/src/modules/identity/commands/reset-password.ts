import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findPersonRow, setPasswordHash } from '../identity.sql.js';
import { hashSecret } from '../password-hashing.js';
import { isAcceptablePassword } from '../rules/password-policy.js';
import { consumeOneTimeCode, type CodeCheck } from './consume-one-time-code.js';

/**
 * Sets a new password after a reset code (also unlocks a locked account).
 * Refuses: identity.password_too_weak (before the code is spent), auth.otp_invalid,
 * auth.otp_too_many_attempts (returned, so the attempt counter commits).
 */
export async function resetPassword(
  ctx: { tx: Tx; now: Date },
  input: { phone: string; code: string; newPassword: string },
): Promise<Extract<CodeCheck, { kind: 'refused' }> | { kind: 'reset' }> {
  if (!isAcceptablePassword(input.newPassword, input.phone))
    throw new DomainError('identity.password_too_weak');
  const check = await consumeOneTimeCode(ctx, { ...input, purpose: 'reset_password' });
  if (check.kind === 'refused') return check;
  const person = await findPersonRow(ctx.tx, check.personId);
  if (!person) throw new DomainError('identity.person_not_found');
  await setPasswordHash(ctx.tx, person.id, await hashSecret(input.newPassword));
  return { kind: 'reset' };
}
