import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../i18n/en';
import { id } from '../i18n/id';
import { browserStorage } from './browser-storage';
import { defaultLocale, locales, readStoredLocale, storeLocale, toLocale } from './locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id };
  }
}

/** Loads both catalogs up front: they are small, and a language switch must work offline. */
export function initI18n(): typeof i18n {
  const initialLocale = readStoredLocale(browserStorage());
  i18n.on('languageChanged', (language) => {
    const locale = toLocale(language);
    document.documentElement.lang = locale;
    storeLocale(browserStorage(), locale);
  });
  void i18n.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: initialLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    react: { useSuspense: false },
  });
  document.documentElement.lang = initialLocale;
  return i18n;
}
