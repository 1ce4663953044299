import type { Tx } from '../../../platform/db/database.js';
import { setLoginState } from '../identity.sql.js';
import type { IdentityPolicy, PersonAccess, SessionGrant } from '../identity.types.js';
import { getPersonAccess } from '../queries/get-person-access.js';
import { consumeOneTimeCode, type CodeCheck } from './consume-one-time-code.js';
import { issueSession } from './issue-session.js';

/** Signs in with a code sent to the phone (members without a password activate this way). */
export async function loginWithOneTimeCode(
  ctx: { tx: Tx; now: Date },
  input: {
    phone: string;
    code: string;
    sessionKind: 'cookie' | 'bearer';
    userAgent: string | null;
  },
  policy: IdentityPolicy,
): Promise<
  | Extract<CodeCheck, { kind: 'refused' }>
  | { kind: 'signed_in'; session: SessionGrant; access: PersonAccess }
> {
  const check = await consumeOneTimeCode(ctx, { ...input, purpose: 'login' });
  if (check.kind === 'refused') return check;
  await setLoginState(ctx.tx, check.personId, { failedLoginCount: 0, lockedUntil: null });
  const session = await issueSession(ctx, {
    personId: check.personId,
    kind: input.sessionKind,
    ttlHours: policy.sessionTtlHours,
    userAgent: input.userAgent,
  });
  return { kind: 'signed_in', session, access: await getPersonAccess(ctx, check.personId) };
}
