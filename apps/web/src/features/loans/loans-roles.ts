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

/**
 * Partner banks, facilities and their movements, funding a loan, the bank's decision and payout,
 * and rescheduling: the board and the manajer (boardAndManager on the server).
 */
export const boardAndManager: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
];
/** POST /loans/:loanId/channeling/collections: the teller, as for the cooperative's own loans. */
export const channelingCollectors: readonly MembershipRole[] = ['kasir', 'bendahara'];
/** POST /loans/day-end: the bendahara, who answers for the books, and the manajer. */
export const dayEndRunners: readonly MembershipRole[] = ['bendahara', 'manajer'];
/** PUT /loans/day-end-settings: as for loan products. */
export const dayEndSettingsSetters: readonly MembershipRole[] = ['ketua', 'bendahara', 'manajer'];
/** PUT /loans/:loanId/auto-debit for someone else's loan (the borrower may switch their own). */
export const autoDebitOfficers: readonly MembershipRole[] = ['kasir', 'bendahara', 'manajer'];

function hasAny(roles: readonly MembershipRole[], allowed: readonly MembershipRole[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

export interface LoanPermissions {
  canReadAll: boolean;
  canSetProducts: boolean;
  canDecide: boolean;
  canDisburse: boolean;
  canTakeRepayments: boolean;
  canManageFacilities: boolean;
  canCollectChanneling: boolean;
  canReschedule: boolean;
  canRunDayEnd: boolean;
  canSetDayEndSettings: boolean;
  canSetAnyAutoDebit: boolean;
}

export function loanPermissions(roles: readonly MembershipRole[]): LoanPermissions {
  return {
    canReadAll: hasAny(roles, loanReaders),
    canSetProducts: hasAny(roles, productSetters),
    canDecide: hasAny(roles, loanDeciders),
    canDisburse: hasAny(roles, loanDisbursers),
    canTakeRepayments: hasAny(roles, loanTellers),
    canManageFacilities: hasAny(roles, boardAndManager),
    canCollectChanneling: hasAny(roles, channelingCollectors),
    canReschedule: hasAny(roles, boardAndManager),
    canRunDayEnd: hasAny(roles, dayEndRunners),
    canSetDayEndSettings: hasAny(roles, dayEndSettingsSetters),
    canSetAnyAutoDebit: hasAny(roles, autoDebitOfficers),
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

/** Whether this person may reschedule this loan: a board member or manajer, running, not theirs. */
export function canRescheduleLoan(
  permissions: Pick<LoanPermissions, 'canReschedule'>,
  loan: { status: string; membershipId: string },
  me: { membershipId: string },
): boolean {
  return (
    permissions.canReschedule && loan.status === 'aktif' && loan.membershipId !== me.membershipId
  );
}

/** Whether this person may switch auto-debit on this running loan: the borrower or an officer. */
export function canSetAutoDebit(
  permissions: Pick<LoanPermissions, 'canSetAnyAutoDebit'>,
  loan: { status: string; membershipId: string },
  me: { membershipId: string },
): boolean {
  return (
    loan.status === 'aktif' &&
    (permissions.canSetAnyAutoDebit || loan.membershipId === me.membershipId)
  );
}
