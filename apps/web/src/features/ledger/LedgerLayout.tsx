import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useMatch } from 'react-router';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useMembershipScope } from './ledger-scope';
import { ledgerSections } from './ledger-sections';

/** `/pembukuan/*`: checks the person may read the books, then shows the section menu and page. */
export function LedgerLayout() {
  const { t } = useTranslation();
  const scope = useMembershipScope();
  const isOverview = useMatch({ path: '/pembukuan', end: true }) !== null;

  if (!scope?.permissions.canRead) {
    return (
      <main className="page">
        <h1>{t('ledger.title')}</h1>
        <p className="muted" data-testid="ledger-no-access">
          {t('ledger.noAccess')}
        </p>
        <Link to="/">{t('app.backHome')}</Link>
      </main>
    );
  }

  return (
    <main className="page ledger-page">
      {!isOverview && (
        <nav className="subnav" aria-label={t('ledger.nav.label')}>
          <NavLink to="/pembukuan" end className="subnav-link">
            {t('ledger.nav.home')}
          </NavLink>
          {ledgerSections.map((section) => (
            <NavLink
              key={section.key}
              to={section.path}
              className="subnav-link"
              data-testid={`ledger-nav-${section.key}`}
            >
              {t(`ledger.nav.${section.key}`)}
            </NavLink>
          ))}
        </nav>
      )}
      <Suspense fallback={<LoadingMessage />}>
        {/* Keyed by cooperative: switching cooperative starts every form afresh. */}
        <Outlet key={scope.cooperativeId} context={scope} />
      </Suspense>
    </main>
  );
}
