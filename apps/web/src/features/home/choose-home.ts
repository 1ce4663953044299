import type { MembershipRole, MembershipView, OfficerScopeView } from '@lumbung/shared';
import type { ActiveContext } from '../cooperative-context/active-context';

export type Home =
  | { kind: 'back-office'; membership: MembershipView }
  | { kind: 'member'; membership: MembershipView }
  | { kind: 'oversight'; scopes: readonly OfficerScopeView[] }
  | { kind: 'no-cooperative' };

/** Roles that run the cooperative: they get the back-office home even if they are members too. */
export const backOfficeRoles: readonly MembershipRole[] = [
  'ketua',
  'sekretaris',
  'bendahara',
  'manajer',
  'kasir',
  'pengawas',
];

export function hasBackOfficeRole(roles: readonly MembershipRole[]): boolean {
  return roles.some((role) => backOfficeRoles.includes(role));
}

/** The home screen that fits the active context. */
export function chooseHome(context: ActiveContext): Home {
  switch (context.kind) {
    case 'membership': {
      const { membership } = context;
      return hasBackOfficeRole(membership.roles)
        ? { kind: 'back-office', membership }
        : { kind: 'member', membership };
    }
    case 'oversight':
      return { kind: 'oversight', scopes: context.scopes };
    case 'none':
      return { kind: 'no-cooperative' };
  }
}
