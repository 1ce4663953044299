import { withSystem, type Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/http/actor.js';
import { findActorBySession } from '../identity.sql.js';

/** Turns a session token hash into the caller, or null when unknown, expired or revoked. */
export async function resolveActor(
  db: Database,
  tokenHash: string,
  now: Date,
): Promise<Actor | null> {
  const row = await withSystem(db, 'authenticate a request by its session', (tx) =>
    findActorBySession(tx, tokenHash, now),
  );
  if (!row) return null;
  return {
    personId: row.person_id,
    sessionTokenHash: tokenHash,
    memberships: row.memberships,
    officerScopes: row.officer_scopes,
  };
}
