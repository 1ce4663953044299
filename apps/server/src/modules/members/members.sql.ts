import { and, asc, eq, gt, sql } from 'drizzle-orm';
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

/**
 * Finds members by number, NIK or phone (exact, indexed) or by name (trigram similarity, GIN
 * index), best matches first.
 */
export async function searchMemberRows(
  tx: Tx,
  cooperativeId: string,
  input: { text: string; digits: string | null; phone: string | null; limit: number },
) {
  const name = input.text.toLowerCase();
  return tx
    .select()
    .from(members)
    .where(
      and(
        eq(members.cooperativeId, cooperativeId),
        sql`(${input.digits !== null ? sql`${members.memberNumber} = ${input.digits.padStart(6, '0')} or ${members.nik} = ${input.digits} or ` : sql``}${input.phone !== null ? sql`${members.phone} = ${input.phone} or ` : sql``}lower(${members.fullName}) % ${name} or lower(${members.fullName}) like ${`%${name}%`})`,
      ),
    )
    .orderBy(sql`similarity(lower(${members.fullName}), ${name}) desc`, asc(members.memberNumber))
    .limit(input.limit);
}
