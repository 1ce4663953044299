import { uuidv7 } from '@lumbung/shared/ids';
import { assert } from '../../../platform/assert.js';
import { DomainError } from '../../../platform/domain-error.js';
import { listAccounts } from '../../ledger/index.js';
import { getMemberSavings } from '../../savings/index.js';
import { assertNotSelfApproval } from '../rules/approval-tiers.js';
import { checkLoanLimits } from '../rules/lending-limits.js';
import {
  findPersonRoles,
  insertDecision,
  listDecisions,
  setLoanFields,
  sumMemberExposure,
} from '../loans.sql.js';
import {
  deciderRoles,
  ownCapitalCodes,
  relatedPartyRoles,
  type LoanRow,
  type LoansContext,
} from '../loans.types.js';
import { getLoan, getLoanDetail } from '../queries/get-loan.js';
import { approvalStateOf } from './loan-approvals.js';

/**
 * A manajer or pengurus approves or rejects an application, with a reason; who, in which roles,
 * when and why is recorded. One rejection ends the application; it is approved when its tier's
 * approvals are complete. An approval is refused when the loan would break the lending limits.
 *
 * Refuses: loans.loan_not_found, loans.application_already_decided,
 * loans.self_approval_forbidden, auth.forbidden, loans.decision_already_recorded,
 * loans.limit_exceeded, loans.plafond_exceeded.
 */
export async function decideLoanApplication(
  ctx: LoansContext,
  input: { loanId: string; decision: 'approve' | 'reject'; reason: string },
) {
  assert(ctx.actorPersonId, 'a decision is made by a signed-in person');
  const deciderPersonId = ctx.actorPersonId;
  const loan = await getLoan(ctx, input.loanId, { lock: true });
  if (loan.status !== 'diajukan')
    throw new DomainError('loans.application_already_decided', { status: loan.status });
  // Nobody decides on their own application, not even to reject it.
  const self = assertNotSelfApproval(loan.applicantPersonId, deciderPersonId);
  if (!self.ok) throw new DomainError(self.code);
  const roles = await findPersonRoles(ctx.tx, ctx.cooperativeId, deciderPersonId);
  if (!roles.some((role) => (deciderRoles as readonly string[]).includes(role)))
    throw new DomainError('auth.forbidden');
  const earlier = await listDecisions(ctx.tx, ctx.cooperativeId, [loan.id]);
  // A second word from the same person would count twice toward the tier: refused.
  if (earlier.some((decision) => decision.personId === deciderPersonId))
    throw new DomainError('loans.decision_already_recorded');
  if (input.decision === 'approve') await assertWithinLimits(ctx, loan);
  const isInserted = await insertDecision(ctx.tx, {
    cooperativeId: ctx.cooperativeId,
    id: uuidv7(ctx.now.getTime()),
    loanId: loan.id,
    personId: deciderPersonId,
    roles,
    decision: input.decision,
    reason: input.reason,
    decidedAt: ctx.now,
  });
  if (!isInserted) throw new DomainError('loans.decision_already_recorded');
  const decisions = await listDecisions(ctx.tx, ctx.cooperativeId, [loan.id]);
  if (input.decision === 'reject')
    await setLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
      status: 'ditolak',
      decidedAt: ctx.now,
    });
  else if (approvalStateOf(loan, decisions).complete)
    await setLoanFields(ctx.tx, ctx.cooperativeId, loan.id, {
      status: 'disetujui',
      decidedAt: ctx.now,
    });
  return getLoanDetail(ctx, loan.id);
}

/**
 * The loan and what the member already owes stay within BMPP (15% of modal sendiri, 10% for a
 * related party: a borrower who is pengurus or pengawas) and the product's savings plafond.
 * Refuses: loans.limit_exceeded, loans.plafond_exceeded.
 */
async function assertWithinLimits(ctx: LoansContext, loan: LoanRow) {
  const accounts = await listAccounts(ctx, { includeSubAccounts: false });
  const modalSendiri = accounts
    .filter((account) => (ownCapitalCodes as readonly string[]).includes(account.code))
    .reduce((sum, account) => sum + account.balance, 0n);
  const applicantRoles = await findPersonRoles(ctx.tx, ctx.cooperativeId, loan.applicantPersonId);
  const savings = await getMemberSavings(ctx, loan.membershipId);
  const result = checkLoanLimits({
    amount: loan.principal,
    existingOutstanding: await sumMemberExposure(ctx.tx, ctx.cooperativeId, loan.membershipId),
    savings: savings.total,
    plafondMultiple: loan.plafondSavingsMultiple,
    modalSendiri,
    related: applicantRoles.some((role) => (relatedPartyRoles as readonly string[]).includes(role)),
  });
  if (!result.ok)
    throw new DomainError(result.code, {
      limit: result.limit.toString(),
      available: result.available.toString(),
    });
}
