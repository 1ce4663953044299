import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLedgerScope } from './ledger-scope';
import { ledgerSections } from './ledger-sections';

/** `/pembukuan`: one tile per section of the books. */
export function LedgerOverview() {
  const { t } = useTranslation();
  const { cooperativeName } = useLedgerScope();
  return (
    <>
      <h1 data-testid="ledger-title">{t('ledger.title')}</h1>
      <p className="muted">
        {cooperativeName} · {t('ledger.intro')}
      </p>
      <ul className="card-grid">
        {ledgerSections.map((section) => (
          <li key={section.key}>
            <Link
              to={section.path}
              className="card link-card"
              data-testid={`ledger-tile-${section.key}`}
            >
              <h2>{t(`ledger.nav.${section.key}`)}</h2>
              <p className="muted small">{t(`ledger.tiles.${section.key}`)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
