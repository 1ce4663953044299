import type { MembershipRole } from '@lumbung/shared';

/**
 * Who may do what with loans, mirroring apps/server/src/modules/loans/loans.routes.ts. The server
 * still decides: these only keep screens and buttons away from people who would be refused.
 */
export const loanReaders: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
  'pengawas',
  'kasir',
];
/** PUT /loans/products/:code. */
export const productSetters: readonly MembershipRole[] = ['ketua', 'bendahara', 'manajer'];
/** POST /loans/:loanId/decisions (boardAndManager; the pengawas only reads). */
export const loanDeciders: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
];
/** POST /loans/:loanId/disbursement. */
export const loanDisbursers: readonly MembershipRole[] = ['kasir', 'bendahara', 'manajer'];
/** POST /loans/:loanId/repayments and /payoff. */
export const loanTellers: readonly MembershipRole[] = ['kasir', 'bendahara'];

function hasAny(roles: readonly MembershipRole[], allowed: readonly MembershipRole[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

export interface LoanPermissions {
  canReadAll: boolean;
  canSetProducts: boolean;
  canDecide: boolean;
  canDisburse: boolean;
  canTakeRepayments: boolean;
}

export function loanPermissions(roles: readonly MembershipRole[]): LoanPermissions {
  return {
    canReadAll: hasAny(roles, loanReaders),
    canSetProducts: hasAny(roles, productSetters),
    canDecide: hasAny(roles, loanDeciders),
    canDisburse: hasAny(roles, loanDisbursers),
    canTakeRepayments: hasAny(roles, loanTellers),
  };
}

/**
 * Whether this person may decide this application now: a decider, the application still open,
 * not their own (the server refuses self-approval) and not decided by them already.
 */
export function canDecideApplication(
  permissions: Pick<LoanPermissions, 'canDecide'>,
  loan: {
    status: string;
    membershipId: string;
    decisions: readonly { personId: string }[];
  },
  me: { personId: string; membershipId: string },
): boolean {
  return (
    permissions.canDecide &&
    loan.status === 'diajukan' &&
    loan.membershipId !== me.membershipId &&
    !loan.decisions.some((decision) => decision.personId === me.personId)
  );
}
