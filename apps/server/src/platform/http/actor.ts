import type { MembershipRole, OfficerRole } from '@lumbung/shared/contracts/identity';

export interface ActorMembership {
  cooperativeId: string;
  membershipId: string;
  roles: MembershipRole[];
  status: string;
}

/** The authenticated caller, resolved once per request from the session cookie or bearer token. */
export interface Actor {
  personId: string;
  sessionTokenHash: string;
  memberships: ActorMembership[];
  officerScopes: { role: OfficerRole; regionCodes: string[] }[];
}

export function activeMembership(actor: Actor, cooperativeId: string): ActorMembership | undefined {
  return actor.memberships.find(
    (membership) => membership.cooperativeId === cooperativeId && membership.status === 'aktif',
  );
}

export function officerScope(actor: Actor, role: OfficerRole) {
  return actor.officerScopes.find((scope) => scope.role === role);
}

/** A dinas officer scoped to '53' sees every NTT district; one scoped to '5310' only Sikka. */
export function regionCovers(regionCodes: readonly string[], districtCode: string): boolean {
  return regionCodes.some((code) => districtCode.startsWith(code));
}
