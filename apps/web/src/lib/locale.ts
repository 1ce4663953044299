import type { Locale } from '@lumbung/shared';

export type { Locale };

export const locales: readonly Locale[] = ['id', 'en'];
export const defaultLocale: Locale = 'id';
export const localeStorageKey = 'lumbung.locale';

/** The part of `Storage` these helpers need, so tests can pass a plain object. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

/** Any stored or detected language that is not one we ship falls back to Indonesian. */
export function toLocale(value: string | null | undefined): Locale {
  const language = value?.toLowerCase().split('-')[0];
  return isLocale(language) ? language : defaultLocale;
}

/** Storage can throw (private mode, disabled cookies); the language then simply is not remembered. */
export function readStoredLocale(storage: KeyValueStorage | undefined): Locale {
  try {
    return toLocale(storage?.getItem(localeStorageKey));
  } catch {
    return defaultLocale;
  }
}

export function storeLocale(storage: KeyValueStorage | undefined, locale: Locale): void {
  try {
    storage?.setItem(localeStorageKey, locale);
  } catch {
    // Not remembering the language is better than failing to switch it.
  }
}
