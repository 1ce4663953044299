import type { MembershipRole } from '@lumbung/shared';

/**
 * Who may do what with the registry, mirroring apps/server/src/modules/members/members.routes.ts.
 * The server still decides: these only keep screens and buttons away from people who'd be refused.
 */
export const registryReaders: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
  'pengawas',
  'kasir',
];
export const memberRegistrars: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
  'kasir',
];
export const applicationDeciders: readonly MembershipRole[] = ['ketua', 'sekretaris', 'bendahara'];
/** Savings teller routes (savings.routes.ts): kasir and bendahara. */
export const tellers: readonly MembershipRole[] = ['kasir', 'bendahara'];

function hasAny(roles: readonly MembershipRole[], allowed: readonly MembershipRole[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

export interface MemberPermissions {
  canReadRegistry: boolean;
  canRegister: boolean;
  canDecide: boolean;
  canTell: boolean;
}

export function memberPermissions(roles: readonly MembershipRole[]): MemberPermissions {
  return {
    canReadRegistry: hasAny(roles, registryReaders),
    canRegister: hasAny(roles, memberRegistrars),
    canDecide: hasAny(roles, applicationDeciders),
    canTell: hasAny(roles, tellers),
  };
}
