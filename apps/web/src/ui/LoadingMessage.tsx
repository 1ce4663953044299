import { useTranslation } from 'react-i18next';

export function LoadingMessage() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('app.loading')}
    </p>
  );
}
