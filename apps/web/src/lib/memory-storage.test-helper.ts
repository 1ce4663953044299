import type { KeyValueStorage } from './locale';

/** An in-memory stand-in for localStorage; `isBroken` makes it throw like a locked-down browser. */
export function memoryStorage(
  initial: Record<string, string> = {},
  { isBroken = false }: { isBroken?: boolean } = {},
): KeyValueStorage {
  const values = new Map(Object.entries(initial));
  function refuseIfBroken(): void {
    if (isBroken) throw new Error('SecurityError: storage is disabled');
  }
  return {
    getItem: (key) => {
      refuseIfBroken();
      return values.get(key) ?? null;
    },
    setItem: (key, value) => {
      refuseIfBroken();
      values.set(key, value);
    },
    removeItem: (key) => {
      refuseIfBroken();
      values.delete(key);
    },
  };
}
