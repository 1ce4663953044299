import { findMemberNames, listAssessments, listDecisions, listLoanRows } from '../loans.sql.js';
import type { LoansReadContext } from '../loans.types.js';
import { approvalStateOf } from '../commands/loan-approvals.js';
import { assessmentViewOf, decisionViewOf, summaryOf } from './get-loan.js';

/** How many applications the queue shows at once; the committee decides them oldest first. */
const queueLimit = 200;

/**
 * The committee's queue: applications awaiting a decision, oldest first, each with its
 * assessment factor by factor, the approvals still missing and the decisions so far.
 */
export async function listCommitteeQueue(ctx: Pick<LoansReadContext, 'tx' | 'cooperativeId'>) {
  const rows = await listLoanRows(ctx.tx, ctx.cooperativeId, {
    status: 'diajukan',
    membershipId: null,
    afterId: null,
    limit: queueLimit,
  });
  const ids = rows.map((row) => row.id);
  const members = await findMemberNames(ctx.tx, ctx.cooperativeId, [
    ...new Set(rows.map((row) => row.membershipId)),
  ]);
  const assessments = new Map(
    (await listAssessments(ctx.tx, ctx.cooperativeId, ids)).map((row) => [row.loanId, row]),
  );
  const decisions = await listDecisions(ctx.tx, ctx.cooperativeId, ids);
  return {
    items: rows.map((row) => {
      const own = decisions.filter((decision) => decision.loanId === row.id);
      return {
        ...summaryOf(row, members.get(row.membershipId)),
        assessment: assessmentViewOf(assessments.get(row.id)),
        approvals: approvalStateOf(row, own),
        decisions: own.map(decisionViewOf),
      };
    }),
  };
}
