import { findMemberNames, listLoanRows } from '../loans.sql.js';
import type { LoanStatus, LoansReadContext } from '../loans.types.js';
import { summaryOf } from './get-loan.js';

/** A page of loans in application order: one status, one member's, or all. */
export async function listLoans(
  ctx: Pick<LoansReadContext, 'tx' | 'cooperativeId'>,
  input: {
    status: LoanStatus | null;
    membershipId: string | null;
    cursor: string | null;
    limit: number;
  },
) {
  const rows = await listLoanRows(ctx.tx, ctx.cooperativeId, {
    status: input.status,
    membershipId: input.membershipId,
    afterId: input.cursor,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const members = await findMemberNames(ctx.tx, ctx.cooperativeId, [
    ...new Set(page.map((row) => row.membershipId)),
  ]);
  return {
    items: page.map((row) => summaryOf(row, members.get(row.membershipId))),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
