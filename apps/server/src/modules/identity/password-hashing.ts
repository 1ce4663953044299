import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane). Tests may lower the memory through
 * LUMBUNG_ARGON2_MEMORY_KIB; production never should.
 */
const memoryCost = Number(process.env.LUMBUNG_ARGON2_MEMORY_KIB ?? 19_456);
const argon2id = 2;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, { algorithm: argon2id, memoryCost, timeCost: 2, parallelism: 1 });
}

export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false; // a malformed stored hash never verifies
  }
}

/** Verifying against this keeps a login for an unknown phone as slow as one for a known phone. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashSecret('lumbung-no-such-person');
  return dummyHash;
}
