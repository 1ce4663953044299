import { normalizePhone } from '@lumbung/shared/phone';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import {
  findMemberByNumber,
  findMemberRow,
  listMemberRows,
  findMembersByIdentifier,
  searchMembersByName,
  type MemberRow,
} from '../members.sql.js';
import { toMemberView } from './to-member-view.js';

type ReadContext = { tx: Tx; cooperativeId: string };

/** Refuses: members.member_not_found. */
export async function getMember(ctx: ReadContext, membershipId: string) {
  const row = await findMemberRow(ctx.tx, ctx.cooperativeId, membershipId);
  if (!row) throw new DomainError('members.member_not_found');
  return row;
}

/** Refuses: members.member_not_found. */
export async function getMemberByNumber(ctx: ReadContext, memberNumber: string) {
  const row = await findMemberByNumber(ctx.tx, ctx.cooperativeId, memberNumber.padStart(6, '0'));
  if (!row) throw new DomainError('members.member_not_found');
  return row;
}

/** A page of the registry in registration order, optionally one status (e.g. 'calon' = the approval queue). */
export async function listMembers(
  ctx: ReadContext,
  input: { status: MemberRow['status'] | null; cursor: string | null; limit: number },
) {
  const rows = await listMemberRows(ctx.tx, ctx.cooperativeId, {
    status: input.status,
    afterId: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(toMemberView),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.membershipId ?? null) : null,
  };
}

/** The teller's lookup: a member number, NIK, phone, or part of a name (typos forgiven). */
export async function searchMembers(ctx: ReadContext, input: { query: string; limit: number }) {
  const text = input.query.trim();
  const digits = /^\d{1,16}$/.test(text) ? text : null;
  // A number, NIK or phone is an exact lookup; only when it finds no one does the name search run.
  const exact = await findMembersByIdentifier(ctx.tx, ctx.cooperativeId, {
    digits,
    phone: normalizePhone(text),
    limit: input.limit,
  });
  const rows =
    exact.length > 0
      ? exact
      : await searchMembersByName(ctx.tx, ctx.cooperativeId, { text, limit: input.limit });
  return { items: rows.map(toMemberView) };
}
