import type { ErrorCode } from '../error-codes.js';
import { errorMessagesEn } from './en.js';
import { errorMessagesId } from './id.js';

export type Locale = 'id' | 'en';

/** Fills `{{name}}` placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function errorMessage(code: ErrorCode, locale: Locale, params?: Record<string, unknown>) {
  const catalog = locale === 'id' ? errorMessagesId : errorMessagesEn;
  return interpolate(catalog[code], params);
}
