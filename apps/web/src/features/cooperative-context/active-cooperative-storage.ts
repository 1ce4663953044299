import type { KeyValueStorage } from '../../lib/locale';

export const activeCooperativeStorageKey = 'lumbung.activeCooperativeId';

export function readActiveCooperativeId(storage: KeyValueStorage | undefined): string | null {
  try {
    return storage?.getItem(activeCooperativeStorageKey) ?? null;
  } catch {
    return null;
  }
}

/** `null` forgets the choice: officers then return to oversight, members to their first cooperative. */
export function storeActiveCooperativeId(
  storage: KeyValueStorage | undefined,
  cooperativeId: string | null,
): void {
  try {
    if (cooperativeId === null) storage?.removeItem(activeCooperativeStorageKey);
    else storage?.setItem(activeCooperativeStorageKey, cooperativeId);
  } catch {
    // The switch still applies for this visit; only remembering it failed.
  }
}
