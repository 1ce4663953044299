import type {
  MembershipView,
  OfficerScopeView,
  PersonView,
} from '@lumbung/shared/contracts/identity';

export interface SessionGrant {
  token: string;
  expiresAt: Date;
}

export interface PersonAccess {
  person: PersonView;
  memberships: MembershipView[];
  officerScopes: OfficerScopeView[];
}

export interface IdentityPolicy {
  sessionTtlHours: number;
  login: { maxFailures: number; lockMinutes: number };
  pin: { maxFailures: number; lockMinutes: number };
}
