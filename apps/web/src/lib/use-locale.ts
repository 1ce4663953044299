import { useTranslation } from 'react-i18next';
import { toLocale, type Locale } from './locale';

/** The language the UI shows now and a way to change it (persisted by the i18n setup). */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { i18n } = useTranslation();
  return {
    locale: toLocale(i18n.resolvedLanguage ?? i18n.language),
    setLocale: (locale) => void i18n.changeLanguage(locale),
  };
}
