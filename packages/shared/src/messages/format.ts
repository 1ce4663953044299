import type { ErrorCode } from '../error-codes.js';
import { errorMessagesEn } from './en.js';
import { errorMessagesId } from './id.js';

export type Locale = 'id' | 'en';

/** Fills `{{name}}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object'
      ? JSON.stringify(value)
      : String(value as string | number | boolean);
  });
}

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, unknown>) {
  const catalog = locale === 'id' ? errorMessagesId : errorMessagesEn;
  return interpolate(catalog[code], params);
}
