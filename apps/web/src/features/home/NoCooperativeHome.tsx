import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cooperativeIdFromQuery } from '../members/member-form';

/**
 * A person with an account but no membership or officer role yet: the way to apply. A link from
 * the pengurus (`/?koperasi=<id>`) carries the cooperative straight into the form.
 */
export function NoCooperativeHome() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const cooperativeId = cooperativeIdFromQuery(searchParams.get('koperasi'));
  const applyPath =
    cooperativeId === null ? '/daftar-anggota' : `/daftar-anggota?koperasi=${cooperativeId}`;
  return (
    <main className="page">
      <h1 data-testid="home-title">{t('home.none.title')}</h1>
      <p className="muted">{t('home.none.body')}</p>
      <Link to={applyPath} className="button primary" data-testid="apply-link">
        {t('members.apply.title')}
      </Link>
    </main>
  );
}
