import { describe, expect, it } from 'vitest';
import { localeStorageKey, readStoredLocale, storeLocale, toLocale } from './locale';
import { memoryStorage } from './memory-storage.test-helper';

describe('toLocale', () => {
  it('keeps the languages we ship', () => {
    expect(toLocale('id')).toBe('id');
    expect(toLocale('en')).toBe('en');
  });

  it('reduces a regional tag to its language', () => {
    expect(toLocale('en-GB')).toBe('en');
    expect(toLocale('ID-id')).toBe('id');
  });

  it('falls back to Indonesian for anything else', () => {
    expect(toLocale('jv')).toBe('id');
    expect(toLocale('')).toBe('id');
    expect(toLocale(null)).toBe('id');
    expect(toLocale(undefined)).toBe('id');
  });
});

describe('stored locale', () => {
  it('defaults to Indonesian when nothing was chosen', () => {
    expect(readStoredLocale(memoryStorage())).toBe('id');
  });

  it('remembers the chosen language under lumbung.locale', () => {
    const storage = memoryStorage();
    storeLocale(storage, 'en');
    expect(storage.getItem(localeStorageKey)).toBe('en');
    expect(readStoredLocale(storage)).toBe('en');
  });

  it('ignores a stored value that is not a language we ship', () => {
    expect(readStoredLocale(memoryStorage({ [localeStorageKey]: 'xx' }))).toBe('id');
  });

  it('survives a browser that refuses storage', () => {
    const storage = memoryStorage({}, { isBroken: true });
    expect(readStoredLocale(storage)).toBe('id');
    expect(() => {
      storeLocale(storage, 'en');
    }).not.toThrow();
    expect(readStoredLocale(undefined)).toBe('id');
  });
});
