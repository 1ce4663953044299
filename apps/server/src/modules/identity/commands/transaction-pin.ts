import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findPersonRow, setPinState } from '../identity.sql.js';
import type { IdentityPolicy } from '../identity.types.js';
import { hashSecret, verifySecret } from '../password-hashing.js';
import { afterFailedAttempt, isLocked } from '../rules/lockout.js';
import { isAcceptablePin } from '../rules/pin-policy.js';

/**
 * Sets (or replaces) the person's transaction PIN, confirmed by their password.
 * Refuses: identity.person_not_found, auth.invalid_credentials, identity.pin_format_invalid.
 */
export async function setTransactionPin(
  ctx: { tx: Tx; personId: string },
  input: { password: string; pin: string },
) {
  const person = await findPersonRow(ctx.tx, ctx.personId);
  if (!person) throw new DomainError('identity.person_not_found');
  if (!person.passwordHash || !(await verifySecret(person.passwordHash, input.password))) {
    throw new DomainError('auth.invalid_credentials');
  }
  if (!isAcceptablePin(input.pin)) throw new DomainError('identity.pin_format_invalid');
  await setPinState(ctx.tx, person.id, {
    pinHash: await hashSecret(input.pin),
    failedPinCount: 0,
    pinLockedUntil: null,
  });
}

export type PinCheck =
  | { kind: 'valid' }
  | { kind: 'refused'; code: 'auth.pin_not_set' | 'auth.pin_invalid' }
  | { kind: 'refused'; code: 'auth.pin_locked'; lockedUntil: Date };

/**
 * Checks the PIN before a money move. Wrong PINs count toward a lock like passwords do; the
 * outcome is returned so the counter commits even though the move is refused.
 */
export async function checkTransactionPin(
  ctx: { tx: Tx; now: Date; personId: string },
  pin: string,
  policy: IdentityPolicy,
): Promise<PinCheck> {
  const person = await findPersonRow(ctx.tx, ctx.personId);
  if (!person?.pinHash) return { kind: 'refused', code: 'auth.pin_not_set' };
  if (person.pinLockedUntil && isLocked(person.pinLockedUntil, ctx.now)) {
    return { kind: 'refused', code: 'auth.pin_locked', lockedUntil: person.pinLockedUntil };
  }
  if (await verifySecret(person.pinHash, pin)) {
    await setPinState(ctx.tx, person.id, { failedPinCount: 0, pinLockedUntil: null });
    return { kind: 'valid' };
  }
  const state = afterFailedAttempt(person.failedPinCount, ctx.now, policy.pin);
  await setPinState(ctx.tx, person.id, {
    failedPinCount: state.failedCount,
    pinLockedUntil: state.lockedUntil,
  });
  return state.lockedUntil
    ? { kind: 'refused', code: 'auth.pin_locked', lockedUntil: state.lockedUntil }
    : { kind: 'refused', code: 'auth.pin_invalid' };
}
