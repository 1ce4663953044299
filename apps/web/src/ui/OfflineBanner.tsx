import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../lib/use-online-status';

/** Tells the user the shell is running from cache and figures may be stale. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const isOnline = useOnlineStatus();
  if (isOnline) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      {t('app.offline')}
    </div>
  );
}
