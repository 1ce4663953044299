import type { MembershipRole } from '@lumbung/shared';

/**
 * Who may do what with SHU, mirroring apps/server/src/modules/shu/shu.routes.ts (and the ledger's
 * year-end close). The server still decides: these keep buttons away from people it would refuse.
 */
export const shuPengurus: readonly MembershipRole[] = ['ketua', 'sekretaris', 'bendahara'];
/** GET running, members/:id, distributions: pengurus, manajer and pengawas. */
export const shuReaders: readonly MembershipRole[] = [...shuPengurus, 'manajer', 'pengawas'];
/** POST simulations. */
export const shuSimulators: readonly MembershipRole[] = [...shuPengurus, 'manajer'];
/** POST distributions/:id/countersignature. */
export const shuCountersigners: readonly MembershipRole[] = ['pengawas'];
/** POST distributions/:id/posting. */
export const shuPosters: readonly MembershipRole[] = ['ketua', 'bendahara'];
/** POST distributions/:id/members/:membershipId/cash-payout (the savings tellers). */
export const shuCashTellers: readonly MembershipRole[] = ['kasir', 'bendahara'];
/** POST ledger fiscal-years/close (the ledger's treasurers). */
export const yearClosers: readonly MembershipRole[] = ['ketua', 'bendahara'];

function hasAny(roles: readonly MembershipRole[], allowed: readonly MembershipRole[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

export interface ShuPermissions {
  canReadAll: boolean;
  canSimulate: boolean;
  /** Set rules, propose, record the RAT's approval. */
  canPropose: boolean;
  canCountersign: boolean;
  canPost: boolean;
  canCloseYear: boolean;
  /** Pay members' owed SHU in cash from a teller session. */
  canPayCash: boolean;
}

export function shuPermissions(roles: readonly MembershipRole[]): ShuPermissions {
  return {
    canReadAll: hasAny(roles, shuReaders),
    canSimulate: hasAny(roles, shuSimulators),
    canPropose: hasAny(roles, shuPengurus),
    canCountersign: hasAny(roles, shuCountersigners),
    canPost: hasAny(roles, shuPosters),
    canCloseYear: hasAny(roles, yearClosers),
    canPayCash: hasAny(roles, shuCashTellers),
  };
}
