import type { MembershipView } from '@lumbung/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const modules = ['members', 'savings', 'bookkeeping', 'loans', 'shu', 'rat'] as const;
type Module = (typeof modules)[number];

/** Modules that are live, and where they start; the others arrive in later releases. */
const moduleHomes: Partial<Record<Module, string>> = {
  members: '/anggota',
  savings: '/simpanan',
  bookkeeping: '/pembukuan',
  loans: '/pinjaman',
  shu: '/shu',
};

/** The board's home: one tile per module, and the figures every member sees. */
export function BackOfficeHome({ membership }: { membership: MembershipView }) {
  const { t } = useTranslation();
  const roles = membership.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('home.backOffice.title')}</h1>
      <p className="muted">{t('home.backOffice.yourRoles', { roles })}</p>
      <ul className="card-grid">
        {modules.map((module) => {
          const path = moduleHomes[module];
          return path ? (
            <li key={module}>
              <Link to={path} className="card tile link-card" data-testid={`module-${module}`}>
                <h2>{t(`home.backOffice.modules.${module}`)}</h2>
                <p className="badge">{t('home.backOffice.open')} →</p>
              </Link>
            </li>
          ) : (
            <li
              key={module}
              className="card tile"
              aria-disabled="true"
              data-testid={`module-${module}`}
            >
              <h2>{t(`home.backOffice.modules.${module}`)}</h2>
              <p className="badge">{t('home.backOffice.comingSoon')}</p>
            </li>
          );
        })}
      </ul>
      {membership.roles.some((role) => role === 'kasir' || role === 'bendahara') && (
        <Link to="/kasir" className="card link-card section" data-testid="teller-link">
          <h2>{t('savings.teller.title')}</h2>
          <p className="muted small">{t('savings.teller.tile')}</p>
        </Link>
      )}
      <Link to="/angka" className="card link-card" data-testid="figures-link">
        <h2>{t('home.figuresLink.title')}</h2>
        <p className="muted small">{t('home.figuresLink.body')}</p>
      </Link>
    </main>
  );
}
