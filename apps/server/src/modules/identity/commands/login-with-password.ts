import { normalizePhone } from '@lumbung/shared/phone';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findPersonIdByPhone, findPersonRow, setLoginState } from '../identity.sql.js';
import type { IdentityPolicy, PersonAccess, SessionGrant } from '../identity.types.js';
import { dummyPasswordHash, verifySecret } from '../password-hashing.js';
import { getPersonAccess } from '../queries/get-person-access.js';
import { afterFailedAttempt, isLocked } from '../rules/lockout.js';
import { issueSession } from './issue-session.js';

export type LoginOutcome =
  | { kind: 'signed_in'; session: SessionGrant; access: PersonAccess }
  | { kind: 'refused'; code: 'auth.invalid_credentials' }
  | { kind: 'refused'; code: 'auth.account_locked'; lockedUntil: Date };

/**
 * Checks phone + password and opens a session. A failure is *returned*, not thrown, because the
 * failure counter must commit while the login is refused (the route turns it into the refusal).
 * An unknown phone costs the same argon2 work as a known one, so timing does not reveal members.
 */
export async function loginWithPassword(
  ctx: { tx: Tx; now: Date },
  input: {
    phone: string;
    password: string;
    sessionKind: 'cookie' | 'bearer';
    userAgent: string | null;
  },
  policy: IdentityPolicy,
): Promise<LoginOutcome> {
  const phone = normalizePhone(input.phone);
  const personId = phone ? await findPersonIdByPhone(ctx.tx, phone) : null;
  const person = personId ? await findPersonRow(ctx.tx, personId) : null;
  if (!person?.passwordHash) {
    await verifySecret(await dummyPasswordHash(), input.password);
    return { kind: 'refused', code: 'auth.invalid_credentials' };
  }
  if (person.lockedUntil && isLocked(person.lockedUntil, ctx.now)) {
    return { kind: 'refused', code: 'auth.account_locked', lockedUntil: person.lockedUntil };
  }
  if (!(await verifySecret(person.passwordHash, input.password))) {
    const state = afterFailedAttempt(person.failedLoginCount, ctx.now, policy.login);
    await setLoginState(ctx.tx, person.id, {
      failedLoginCount: state.failedCount,
      lockedUntil: state.lockedUntil,
    });
    return state.lockedUntil
      ? { kind: 'refused', code: 'auth.account_locked', lockedUntil: state.lockedUntil }
      : { kind: 'refused', code: 'auth.invalid_credentials' };
  }
  await setLoginState(ctx.tx, person.id, { failedLoginCount: 0, lockedUntil: null });
  const session = await issueSession(ctx, {
    personId: person.id,
    kind: input.sessionKind,
    ttlHours: policy.sessionTtlHours,
    userAgent: input.userAgent,
  });
  return { kind: 'signed_in', session, access: await getPersonAccess(ctx, person.id) };
}

/** Raises a refused outcome as its DomainError (after the counters committed). */
export function throwIfRefused(
  outcome: LoginOutcome,
): asserts outcome is Extract<LoginOutcome, { kind: 'signed_in' }> {
  if (outcome.kind === 'signed_in') return;
  if (outcome.code === 'auth.account_locked') {
    throw new DomainError('auth.account_locked', {
      lockedUntil: outcome.lockedUntil.toISOString(),
    });
  }
  throw new DomainError(outcome.code);
}
