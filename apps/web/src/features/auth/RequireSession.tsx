import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { LoadingMessage } from '../../ui/LoadingMessage';
import { useSession, type Session } from './session';

/** Renders its children with the signed-in session, or sends the visitor to `/masuk`. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();

  // Cached data wins over a failed background refetch: an offline phone keeps showing the app.
  if (session.data) return children(session.data);
  if (session.data === null) {
    return <Navigate to="/masuk" replace state={{ from: location.pathname + location.search }} />;
  }
  if (session.isError) {
    return (
      <main className="page">
        <ErrorMessage error={session.error} />
        <button type="button" className="button" onClick={() => void session.refetch()}>
          {t('app.retry')}
        </button>
      </main>
    );
  }
  return <LoadingMessage />;
}
