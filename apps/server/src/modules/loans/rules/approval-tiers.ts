import type { MembershipRole } from '@lumbung/shared/contracts/identity';

/** Loans up to `upTo` rupiah (null: any amount) need `approvals` distinct approvers, the ketua among them when `requiresKetua`. */
export type ApprovalTier = { upTo: bigint | null; approvals: number; requiresKetua: boolean };

/** Defaults: up to Rp10,000,000 one approver; above, two including the ketua. Configure per cooperative. */
export const defaultApprovalTiers: readonly ApprovalTier[] = [
  { upTo: 10_000_000n, approvals: 1, requiresKetua: false },
  { upTo: null, approvals: 2, requiresKetua: true },
];

/**
 * Roles whose approval counts: the pengurus (ketua, sekretaris, bendahara) and the manajer who
 * runs the business for them. Not the pengawas (they audit the decision), not the kasir (they pay
 * it out), not a plain anggota.
 */
export const defaultApproverRoles: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
];

function checkTiers(tiers: readonly ApprovalTier[]): void {
  if (tiers.length === 0) throw new RangeError('approval tiers must not be empty');
  let previous = 0n;
  tiers.forEach((tier, index) => {
    const isLast = index === tiers.length - 1;
    if (isLast !== (tier.upTo === null))
      throw new RangeError('only the last approval tier is unbounded (upTo: null)');
    if (!Number.isSafeInteger(tier.approvals) || tier.approvals < 1)
      throw new RangeError(`an approval tier needs at least 1 approval, got ${tier.approvals}`);
    if (tier.upTo === null) return;
    if (tier.upTo <= previous)
      throw new RangeError(
        `approval tier bounds must rise from above 0, got ${tier.upTo} after ${previous}`,
      );
    previous = tier.upTo;
  });
}

/** The tier a loan of `amount` falls in: the first whose `upTo` it does not pass. */
export function requiredApprovals(amount: bigint, tiers: readonly ApprovalTier[]): ApprovalTier {
  if (amount <= 0n) throw new RangeError(`amount must be positive, got ${amount}`);
  checkTiers(tiers);
  const tier = tiers.find((candidate) => candidate.upTo === null || amount <= candidate.upTo);
  if (tier === undefined) throw new RangeError('the last approval tier must be unbounded');
  return tier;
}

export interface ApprovalEvaluation {
  complete: boolean;
  /** Approvals still needed (the ketua's included when it is missing). */
  missing: number;
  ketuaMissing: boolean;
  /** Distinct people whose approval counted. */
  countedApprovers: number;
}

/**
 * Whether a loan has the approvals its tier asks for. Each person counts once whatever roles
 * they hold; the applicant's own approval never counts, nor one given in a role outside
 * `approverRoles`. When the tier requires the ketua and no ketua approved, one of the missing
 * approvals is the ketua's.
 */
export function evaluateApprovals(input: {
  amount: bigint;
  tiers: readonly ApprovalTier[];
  applicantPersonId: string;
  approvals: readonly { personId: string; role: string }[];
  approverRoles?: readonly string[];
}): ApprovalEvaluation {
  const tier = requiredApprovals(input.amount, input.tiers);
  const roles: readonly string[] = input.approverRoles ?? defaultApproverRoles;
  const approvers = new Set<string>();
  let hasKetua = false;
  for (const approval of input.approvals) {
    if (approval.personId === input.applicantPersonId || !roles.includes(approval.role)) continue;
    approvers.add(approval.personId);
    if (approval.role === 'ketua') hasKetua = true;
  }
  const ketuaMissing = tier.requiresKetua && !hasKetua;
  const missing = Math.max(tier.approvals - approvers.size, ketuaMissing ? 1 : 0);
  return { complete: missing === 0, missing, ketuaMissing, countedApprovers: approvers.size };
}

export type SelfApprovalCheck = { ok: true } | { ok: false; code: 'loans.self_approval_forbidden' };

/** A person may not approve their own loan application; the caller throws the DomainError. */
export function assertNotSelfApproval(
  applicantPersonId: string,
  approverPersonId: string,
): SelfApprovalCheck {
  return applicantPersonId === approverPersonId
    ? { ok: false, code: 'loans.self_approval_forbidden' }
    : { ok: true };
}
