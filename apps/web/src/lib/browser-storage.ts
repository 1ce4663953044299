import type { KeyValueStorage } from './locale';

/** `localStorage`, or nothing where the browser refuses access to it. */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
