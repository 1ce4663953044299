/**
 * Idempotency keys for the ledger's POSTs. One key per submission: a retry of the same request
 * (same body) reuses it, so the server replays the first answer instead of posting twice; a
 * changed body gets a fresh key (reusing a key for a different body is refused as a conflict).
 */
export interface IdempotencyKeys {
  /** The key for this request body: the previous key when the body is unchanged. */
  keyFor: (requestBody: unknown) => string;
  /** Forget the key after a success, so the next submission is a new one. */
  reset: () => void;
}

export function createIdempotencyKeys(
  generate: () => string = () => crypto.randomUUID(),
): IdempotencyKeys {
  let current: { fingerprint: string; key: string } | null = null;
  return {
    keyFor(requestBody) {
      const fingerprint = JSON.stringify(requestBody ?? null);
      if (current?.fingerprint !== fingerprint) current = { fingerprint, key: generate() };
      return current.key;
    },
    reset() {
      current = null;
    },
  };
}
