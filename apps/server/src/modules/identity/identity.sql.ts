import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { MembershipRole, MembershipStatus } from '@lumbung/shared/contracts/identity';
import { queryRows, type Tx } from '../../platform/db/database.js';
import { cooperativesSchema } from '../cooperatives/index.js';
import { memberships, officerScopes, oneTimeCodes, people, sessions } from './identity.schema.js';

const { cooperatives, regions } = cooperativesSchema;

export type PersonRow = typeof people.$inferSelect;

/** Cross-tenant lookups go through definer functions that reveal only the id. */
export async function findPersonIdByNik(tx: Tx, nik: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string | null }>(
    tx,
    sql`select person_id_by_nik(${nik}) as id`,
  );
  return row?.id ?? null;
}

export async function findPersonIdByPhone(tx: Tx, phone: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string | null }>(
    tx,
    sql`select person_id_by_phone(${phone}) as id`,
  );
  return row?.id ?? null;
}

export async function findPersonRow(tx: Tx, id: string): Promise<PersonRow | null> {
  const [row] = await tx.select().from(people).where(eq(people.id, id));
  return row ?? null;
}

export async function insertPerson(tx: Tx, row: typeof people.$inferInsert) {
  await tx.insert(people).values(row);
}

export async function setLoginState(
  tx: Tx,
  personId: string,
  state: { failedLoginCount: number; lockedUntil: Date | null },
) {
  await tx.update(people).set(state).where(eq(people.id, personId));
}

export async function setPinState(
  tx: Tx,
  personId: string,
  state: { failedPinCount: number; pinLockedUntil: Date | null; pinHash?: string },
) {
  await tx.update(people).set(state).where(eq(people.id, personId));
}

export async function setPasswordHash(tx: Tx, personId: string, passwordHash: string) {
  await tx
    .update(people)
    .set({ passwordHash, failedLoginCount: 0, lockedUntil: null })
    .where(eq(people.id, personId));
}

export async function setLocale(tx: Tx, personId: string, locale: 'id' | 'en') {
  await tx.update(people).set({ locale }).where(eq(people.id, personId));
}

export async function insertMembership(tx: Tx, row: typeof memberships.$inferInsert) {
  const inserted = await tx
    .insert(memberships)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return inserted.length > 0;
}

export async function findMembershipRow(tx: Tx, cooperativeId: string, membershipId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.id, membershipId)));
  return row ?? null;
}

export async function findMembershipOfPerson(tx: Tx, cooperativeId: string, personId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.personId, personId)));
  return row ?? null;
}

export async function setMembershipStatus(
  tx: Tx,
  cooperativeId: string,
  membershipId: string,
  status: MembershipStatus,
) {
  await tx
    .update(memberships)
    .set({ status })
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.id, membershipId)));
}

export async function setMembershipRoles(
  tx: Tx,
  cooperativeId: string,
  membershipId: string,
  roles: MembershipRole[],
) {
  await tx
    .update(memberships)
    .set({ roles })
    .where(and(eq(memberships.cooperativeId, cooperativeId), eq(memberships.id, membershipId)));
}

/** Memberships of one person with their cooperatives' names (visible in the person's own scope). */
export async function listMembershipsOfPerson(tx: Tx, personId: string) {
  return tx
    .select({
      membershipId: memberships.id,
      cooperativeId: memberships.cooperativeId,
      cooperativeName: cooperatives.name,
      districtCode: cooperatives.districtCode,
      roles: memberships.roles,
      status: memberships.status,
    })
    .from(memberships)
    .innerJoin(cooperatives, eq(cooperatives.id, memberships.cooperativeId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(cooperatives.name));
}

/** One page of a cooperative's people, in membership-id (creation) order. */
export async function listMembershipRows(tx: Tx, input: { afterId: string | null; limit: number }) {
  return tx
    .select({
      membershipId: memberships.id,
      cooperativeId: memberships.cooperativeId,
      personId: people.id,
      fullName: people.fullName,
      phone: people.phone,
      nik: people.nik,
      roles: memberships.roles,
      status: memberships.status,
      joinedOn: memberships.joinedOn,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(input.afterId ? gt(memberships.id, input.afterId) : undefined)
    .orderBy(asc(memberships.id))
    .limit(input.limit);
}

export async function listOfficerScopes(tx: Tx, personId: string) {
  return tx
    .select({ role: officerScopes.role, regionCodes: officerScopes.regionCodes })
    .from(officerScopes)
    .where(eq(officerScopes.personId, personId));
}

export async function upsertOfficerScope(tx: Tx, row: typeof officerScopes.$inferInsert) {
  await tx
    .insert(officerScopes)
    .values(row)
    .onConflictDoUpdate({
      target: [officerScopes.personId, officerScopes.role],
      set: { regionCodes: row.regionCodes ?? [] },
    });
}

export async function countKnownRegions(tx: Tx, codes: string[]) {
  if (codes.length === 0) return 0;
  const known = await tx
    .select({ code: regions.code })
    .from(regions)
    .where(inArray(regions.code, codes));
  return known.length;
}

export async function insertSession(tx: Tx, row: typeof sessions.$inferInsert) {
  await tx.insert(sessions).values(row);
}

export async function revokeSession(tx: Tx, tokenHash: string, now: Date) {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/**
 * The caller behind a session in one round trip: person, memberships and officer scopes.
 * Runs in the system scope (a request has no tenant yet when it is authenticated).
 */
export async function findActorBySession(tx: Tx, tokenHash: string, now: Date) {
  const [row] = await queryRows<{
    person_id: string;
    memberships: {
      cooperativeId: string;
      membershipId: string;
      roles: MembershipRole[];
      status: string;
    }[];
    officer_scopes: { role: 'dinas' | 'platform'; regionCodes: string[] }[];
  }>(
    tx,
    sql`select s.person_id,
          coalesce((select json_agg(json_build_object('cooperativeId', m.cooperative_id, 'membershipId', m.id,
                      'roles', m.roles, 'status', m.status)) from memberships m where m.person_id = s.person_id), '[]') as memberships,
          coalesce((select json_agg(json_build_object('role', o.role, 'regionCodes', o.region_codes))
                      from officer_scopes o where o.person_id = s.person_id), '[]') as officer_scopes
        from sessions s
        where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > ${now}`,
  );
  return row ?? null;
}

export async function insertOneTimeCode(tx: Tx, row: typeof oneTimeCodes.$inferInsert) {
  await tx.insert(oneTimeCodes).values(row);
}

export async function findLatestOneTimeCode(
  tx: Tx,
  phone: string,
  purpose: 'login' | 'reset_password',
) {
  const [row] = await tx
    .select()
    .from(oneTimeCodes)
    .where(
      and(
        eq(oneTimeCodes.phone, phone),
        eq(oneTimeCodes.purpose, purpose),
        isNull(oneTimeCodes.consumedAt),
      ),
    )
    .orderBy(sql`${oneTimeCodes.createdAt} desc`)
    .limit(1);
  return row ?? null;
}

export async function recordOneTimeCodeAttempt(tx: Tx, id: string, consumedAt: Date | null) {
  await tx
    .update(oneTimeCodes)
    .set({ attempts: sql`${oneTimeCodes.attempts} + 1`, consumedAt })
    .where(eq(oneTimeCodes.id, id));
}
