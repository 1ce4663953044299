import type { MembershipRole } from '@lumbung/shared';
import { useMemo } from 'react';
import { useOutletContext } from 'react-router';
import { useActiveContext } from '../cooperative-context/ActiveContextProvider';
import { ledgerPermissions, type LedgerPermissions } from './ledger-roles';

/** The cooperative the books belong to and what the signed-in person may do in them. */
export interface LedgerScope {
  cooperativeId: string;
  cooperativeName: string;
  personId: string;
  roles: readonly MembershipRole[];
  permissions: LedgerPermissions;
}

/** The active membership as a ledger scope, or null when no cooperative is selected. */
export function useMembershipScope(): LedgerScope | null {
  const { session, active } = useActiveContext();
  return useMemo(() => {
    if (active.kind !== 'membership') return null;
    const { membership } = active;
    return {
      cooperativeId: membership.cooperativeId,
      cooperativeName: membership.cooperativeName,
      personId: session.person.id,
      roles: membership.roles,
      permissions: ledgerPermissions(membership.roles),
    };
  }, [session, active]);
}

/** Inside the /pembukuan layout: the scope it checked (see LedgerLayout). */
export function useLedgerScope(): LedgerScope {
  return useOutletContext<LedgerScope>();
}
