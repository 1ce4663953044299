import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/database.js';
import { members } from './members.schema.js';

export type MemberRow = typeof members.$inferSelect;

export async function insertMember(tx: Tx, row: typeof members.$inferInsert) {
  await tx.insert(members).values(row);
}

/** The next member number of a cooperative: 000001, 000002, … without gaps (counter row lock). */
export async function nextMemberNumber(tx: Tx, cooperativeId: string): Promise<string> {
  const [row] = await queryRows<{ last_number: number }>(
    tx,
    sql`insert into member_number_counters (cooperative_id, last_number) values (${cooperativeId}, 1)
        on conflict (cooperative_id) do update set last_number = member_number_counters.last_number + 1
        returning last_number`,
  );
  return String(row?.last_number ?? 1).padStart(6, '0');
}

export async function findMemberRow(
  tx: Tx,
  cooperativeId: string,
  membershipId: string,
  lock = false,
) {
  const query = tx
    .select()
    .from(members)
    .where(and(eq(members.cooperativeId, cooperativeId), eq(members.membershipId, membershipId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findMemberByNumber(tx: Tx, cooperativeId: string, memberNumber: string) {
  const [row] = await tx
    .select()
    .from(members)
    .where(and(eq(members.cooperativeId, cooperativeId), eq(members.memberNumber, memberNumber)));
  return row ?? null;
}

export async function updateMember(
  tx: Tx,
  cooperativeId: string,
  membershipId: string,
  fields: Partial<Omit<MemberRow, 'cooperativeId' | 'membershipId' | 'personId'>>,
) {
  await tx
    .update(members)
    .set(fields)
    .where(and(eq(members.cooperativeId, cooperativeId), eq(members.membershipId, membershipId)));
}

export async function listMemberRows(
  tx: Tx,
  cooperativeId: string,
  input: { status: MemberRow['status'] | null; afterId: string | null; limit: number },
) {
  return tx
    .select()
    .from(members)
    .where(
      and(
        eq(members.cooperativeId, cooperativeId),
        input.status ? eq(members.status, input.status) : undefined,
        input.afterId ? gt(members.membershipId, input.afterId) : undefined,
      ),
    )
    .orderBy(asc(members.membershipId))
    .limit(input.limit);
}

/** Members by member number, NIK or phone: exact matches on their own indexes. */
export async function findMembersByIdentifier(
  tx: Tx,
  cooperativeId: string,
  input: { digits: string | null; phone: string | null; limit: number },
) {
  const matches = [
    input.digits !== null ? eq(members.memberNumber, input.digits.padStart(6, '0')) : undefined,
    input.digits !== null ? eq(members.nik, input.digits) : undefined,
    input.phone !== null ? eq(members.phone, input.phone) : undefined,
  ].filter((condition) => condition !== undefined);
  if (matches.length === 0) return [];
  return tx
    .select()
    .from(members)
    .where(and(eq(members.cooperativeId, cooperativeId), or(...matches)))
    .orderBy(asc(members.memberNumber))
    .limit(input.limit);
}

/**
 * Members whose name contains or resembles `text` (typos forgiven), exact substrings first.
 * Runs through a definer function: under row-level security pg_trgm's operators, which are not
 * leakproof, cannot use the trigram index; the function filters the tenant itself.
 */
export async function searchMembersByName(
  tx: Tx,
  cooperativeId: string,
  input: { text: string; limit: number },
) {
  const ids = await queryRows<{ membership_id: string }>(
    tx,
    sql`select membership_id from search_member_ids_by_name(${input.text}, ${input.limit})`,
  );
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(members)
    .where(
      and(
        eq(members.cooperativeId, cooperativeId),
        inArray(
          members.membershipId,
          ids.map((row) => row.membership_id),
        ),
      ),
    );
  const rank = new Map(ids.map((row, index) => [row.membership_id, index]));
  return rows.sort(
    (left, right) => (rank.get(left.membershipId) ?? 0) - (rank.get(right.membershipId) ?? 0),
  );
}
