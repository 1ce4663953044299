import { useTranslation } from 'react-i18next';

/** A person with an account but no membership or officer role yet. */
export function NoCooperativeHome() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('home.none.title')}</h1>
      <p className="muted">{t('home.none.body')}</p>
    </main>
  );
}
