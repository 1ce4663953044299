import type { MembershipView } from '@lumbung/shared';
import { useTranslation } from 'react-i18next';

const modules = ['members', 'savings', 'bookkeeping', 'loans', 'shu', 'rat'] as const;

/** The board's home: one tile per module; the modules arrive in later releases. */
export function BackOfficeHome({ membership }: { membership: MembershipView }) {
  const { t } = useTranslation();
  const roles = membership.roles.map((role) => t(`roles.${role}`)).join(', ');
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('home.backOffice.title')}</h1>
      <p className="muted">{t('home.backOffice.yourRoles', { roles })}</p>
      <ul className="card-grid">
        {modules.map((module) => (
          <li
            key={module}
            className="card tile"
            aria-disabled="true"
            data-testid={`module-${module}`}
          >
            <h2>{t(`home.backOffice.modules.${module}`)}</h2>
            <p className="badge">{t('home.backOffice.comingSoon')}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
