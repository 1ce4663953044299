import type { MembershipRole } from '@lumbung/shared';

/**
 * Who may do what in the books, mirroring the server's route declarations
 * (apps/server/src/modules/ledger/ledger.routes.ts). The server still decides: these only keep
 * buttons away from people who would be refused.
 */
export const ledgerReaders: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
  'pengawas',
  'kasir',
];
export const accountManagers: readonly MembershipRole[] = ['bendahara'];
export const treasurers: readonly MembershipRole[] = ['bendahara', 'ketua'];
export const journalPreparers: readonly MembershipRole[] = ['bendahara', 'manajer', 'kasir'];
export const journalApprovers: readonly MembershipRole[] = ['ketua', 'bendahara', 'manajer'];

function hasAny(roles: readonly MembershipRole[], allowed: readonly MembershipRole[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

export interface LedgerPermissions {
  canRead: boolean;
  canManageAccounts: boolean;
  canReverse: boolean;
  canPrepareJournal: boolean;
  canApproveJournal: boolean;
  canClosePeriod: boolean;
}

export function ledgerPermissions(roles: readonly MembershipRole[]): LedgerPermissions {
  return {
    canRead: hasAny(roles, ledgerReaders),
    canManageAccounts: hasAny(roles, accountManagers),
    canReverse: hasAny(roles, treasurers),
    canPrepareJournal: hasAny(roles, journalPreparers),
    canApproveJournal: hasAny(roles, journalApprovers),
    canClosePeriod: hasAny(roles, treasurers),
  };
}

/** A checker may decide a manual journal only if someone else prepared it (maker-checker). */
export function canDecideManualJournal(
  permissions: Pick<LedgerPermissions, 'canApproveJournal'>,
  journal: { preparedBy: string; status: string },
  personId: string,
): boolean {
  return (
    permissions.canApproveJournal &&
    journal.status === 'awaiting_approval' &&
    journal.preparedBy !== personId
  );
}
