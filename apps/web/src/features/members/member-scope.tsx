import type { MembershipRole, PersonView } from '@lumbung/shared';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActiveContext } from '../cooperative-context/ActiveContextProvider';
import { memberPermissions, type MemberPermissions } from './member-roles';

/** The active membership: which cooperative, who, with which roles and rights. */
export interface CooperativeScope {
  cooperativeId: string;
  cooperativeName: string;
  membershipId: string;
  membershipStatus: string;
  person: PersonView;
  roles: readonly MembershipRole[];
  permissions: MemberPermissions;
}

export function useCooperativeScope(): CooperativeScope | null {
  const { session, active } = useActiveContext();
  return useMemo(() => {
    if (active.kind !== 'membership') return null;
    const { membership } = active;
    return {
      cooperativeId: membership.cooperativeId,
      cooperativeName: membership.cooperativeName,
      membershipId: membership.membershipId,
      membershipStatus: membership.status,
      person: session.person,
      roles: membership.roles,
      permissions: memberPermissions(membership.roles),
    };
  }, [session, active]);
}

/**
 * Renders a screen only for people whose roles allow it (the server still decides); others see
 * why and a way home. Keyed by cooperative: switching cooperative starts every form afresh.
 */
export function ScopeGate({
  title,
  allows,
  children,
}: {
  title: string;
  allows: (scope: CooperativeScope) => boolean;
  children: (scope: CooperativeScope) => ReactNode;
}) {
  const { t } = useTranslation();
  const scope = useCooperativeScope();
  if (!scope || !allows(scope)) {
    return (
      <main className="page">
        <h1>{title}</h1>
        <p className="muted" data-testid="no-access">
          {t('members.noAccess')}
        </p>
        <Link to="/">{t('app.backHome')}</Link>
      </main>
    );
  }
  return <div key={scope.cooperativeId}>{children(scope)}</div>;
}

/** "← Beranda" or another way back, above a screen's title. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      ← {children}
    </Link>
  );
}
