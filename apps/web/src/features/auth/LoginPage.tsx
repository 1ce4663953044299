import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LocaleSwitcher } from '../../ui/LocaleSwitcher';
import { redirectTargetFrom } from './redirect-target';
import { useLogin, useSession } from './session';

/** `/masuk`: phone and password. Shown at once, without waiting for the session check. */
export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const login = useLogin();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const target = redirectTargetFrom(location.state);

  if (session.data) return <Navigate to={target} replace />;

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    login.mutate(
      { phone: phone.trim(), password },
      { onSuccess: () => void navigate(target, { replace: true }) },
    );
  }

  return (
    <div className="login-page">
      <header className="login-header">
        <span className="brand">{t('app.name')}</span>
        <LocaleSwitcher />
      </header>
      <main className="card login-card">
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        <form className="form" onSubmit={submit}>
          <label className="field">
            <span>{t('login.phone')}</span>
            <input
              type="tel"
              name="phone"
              inputMode="tel"
              autoComplete="username"
              placeholder={t('login.phoneHint')}
              required
              value={phone}
              onChange={(event) => {
                setPhone(event.target.value);
              }}
              data-testid="login-phone"
            />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => {
                setPassword(event.target.value);
              }}
              data-testid="login-password"
            />
          </label>
          {login.isError && <ErrorMessage error={login.error} testId="login-error" />}
          <button
            type="submit"
            className="button primary"
            disabled={login.isPending}
            data-testid="login-submit"
          >
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
