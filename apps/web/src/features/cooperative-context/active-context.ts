import type { MeResponse, MembershipView, OfficerScopeView } from '@lumbung/shared';

/** Whose eyes the app looks through: one membership, or an officer's oversight of many. */
export type ActiveContext =
  | { kind: 'membership'; membership: MembershipView }
  | { kind: 'oversight'; scopes: readonly OfficerScopeView[] }
  | { kind: 'none' };

export type ContextChoice =
  | { kind: 'membership'; value: string; cooperativeName: string }
  | { kind: 'oversight'; value: typeof oversightChoiceValue };

/** The switcher's value for the officer view; cooperative ids are UUIDs, so it cannot collide. */
export const oversightChoiceValue = 'oversight';

type SessionRoles = Pick<MeResponse, 'memberships' | 'officerScopes'>;

/** Everything the person can switch to, memberships first in the order the server gave. */
export function listContextChoices(session: SessionRoles): ContextChoice[] {
  const choices: ContextChoice[] = session.memberships.map((membership) => ({
    kind: 'membership',
    value: membership.cooperativeId,
    cooperativeName: membership.cooperativeName,
  }));
  if (session.officerScopes.length > 0)
    choices.push({ kind: 'oversight', value: oversightChoiceValue });
  return choices;
}

/**
 * The remembered cooperative when the person still belongs to it; otherwise officers start in
 * oversight (no membership selected) and members in their first active membership.
 */
export function resolveActiveContext(
  session: SessionRoles,
  storedCooperativeId: string | null,
): ActiveContext {
  const stored = session.memberships.find(
    (membership) => membership.cooperativeId === storedCooperativeId,
  );
  if (stored) return { kind: 'membership', membership: stored };
  if (session.officerScopes.length > 0) return { kind: 'oversight', scopes: session.officerScopes };
  const fallback =
    session.memberships.find((membership) => membership.status === 'aktif') ??
    session.memberships[0];
  return fallback ? { kind: 'membership', membership: fallback } : { kind: 'none' };
}

/** The value the switcher shows as selected for a context. */
export function choiceValueOf(context: ActiveContext): string {
  switch (context.kind) {
    case 'membership':
      return context.membership.cooperativeId;
    case 'oversight':
      return oversightChoiceValue;
    case 'none':
      return '';
  }
}
