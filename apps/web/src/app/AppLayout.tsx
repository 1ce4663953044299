import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/session';
import { CooperativeSwitcher } from '../features/cooperative-context/CooperativeSwitcher';
import { ErrorMessage } from '../ui/ErrorMessage';
import { LocaleSwitcher } from '../ui/LocaleSwitcher';

/** The signed-in frame: brand, active cooperative, language and logout above every screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();

  function logOut() {
    logout.mutate(undefined, { onSuccess: () => void navigate('/masuk', { replace: true }) });
  }

  return (
    <>
      <header className="app-header">
        <div className="header-row">
          <span className="brand">{t('app.name')}</span>
          <button
            type="button"
            className="button small"
            onClick={logOut}
            disabled={logout.isPending}
            data-testid="logout"
          >
            {logout.isPending ? t('app.loggingOut') : t('app.logout')}
          </button>
        </div>
        <CooperativeSwitcher />
        <LocaleSwitcher />
      </header>
      {logout.isError && <ErrorMessage error={logout.error} />}
      <Outlet />
    </>
  );
}
