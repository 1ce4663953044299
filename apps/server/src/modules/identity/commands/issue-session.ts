import { randomBytes } from 'node:crypto';
import type { Tx } from '../../../platform/db/database.js';
import { hashToken } from '../../../platform/http/authenticate.js';
import { insertSession } from '../identity.sql.js';
import type { SessionGrant } from '../identity.types.js';

/** A new random session token; only its SHA-256 is stored. */
export async function issueSession(
  ctx: { tx: Tx; now: Date },
  input: {
    personId: string;
    kind: 'cookie' | 'bearer';
    ttlHours: number;
    userAgent: string | null;
  },
): Promise<SessionGrant> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.now.getTime() + input.ttlHours * 3_600_000);
  await insertSession(ctx.tx, {
    tokenHash: hashToken(token),
    personId: input.personId,
    kind: input.kind,
    createdAt: ctx.now,
    expiresAt,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}
