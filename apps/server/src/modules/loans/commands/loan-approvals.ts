import { evaluateApprovals } from '../rules/approval-tiers.js';
import type { LoanDecisionRow } from '../loans.sql.js';
import type { LoanRow } from '../loans.types.js';

/**
 * Where an application stands with the committee: the tier copied onto it when it was applied
 * for (required approvals, ketua or not) against the approvals recorded so far. A decider counts
 * once, in any of the roles they held when deciding; the applicant never counts.
 */
export function approvalStateOf(
  loan: Pick<LoanRow, 'amount' | 'requiredApprovals' | 'requiresKetua' | 'applicantPersonId'>,
  decisions: readonly Pick<LoanDecisionRow, 'personId' | 'roles' | 'decision'>[],
) {
  const evaluation = evaluateApprovals({
    amount: loan.amount,
    tiers: [{ upTo: null, approvals: loan.requiredApprovals, requiresKetua: loan.requiresKetua }],
    applicantPersonId: loan.applicantPersonId,
    approvals: decisions
      .filter((decision) => decision.decision === 'approve')
      .flatMap((decision) => decision.roles.map((role) => ({ personId: decision.personId, role }))),
  });
  return {
    required: loan.requiredApprovals,
    requiresKetua: loan.requiresKetua,
    complete: evaluation.complete,
    missing: evaluation.missing,
    isKetuaMissing: evaluation.ketuaMissing,
  };
}
