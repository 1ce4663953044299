import { useTranslation } from 'react-i18next';
import { locales } from '../lib/locale';
import { useLocale } from '../lib/use-locale';

/** Two buttons, each labelled in its own language so anyone can find theirs. */
export function LocaleSwitcher() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <div className="locale-switcher" role="group" aria-label={t('locale.label')}>
      {locales.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="locale-button"
          aria-pressed={option === locale}
          data-testid={`locale-${option}`}
          onClick={() => {
            setLocale(option);
          }}
        >
          {t(`locale.${option}`)}
        </button>
      ))}
    </div>
  );
}
