import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** What a member card's QR code carries (no NIK, no phone: a card can be photographed). */
export interface CardClaims {
  cooperativeId: string;
  membershipId: string;
  memberNumber: string;
  fullName: string;
  issuedAt: string;
}

const prefix = 'v1';

function base64url(data: Buffer | string) {
  return Buffer.from(data).toString('base64url');
}

/** `v1.<claims>.<signature>`: Ed25519 over "v1.<claims>", so any holder of the public key can verify it offline. */
export function signCard(claims: CardClaims, privateKey: KeyObject): string {
  const body = base64url(
    JSON.stringify({
      c: claims.cooperativeId,
      m: claims.membershipId,
      n: claims.memberNumber,
      f: claims.fullName,
      t: claims.issuedAt,
    }),
  );
  const signature = sign(null, Buffer.from(`${prefix}.${body}`), privateKey);
  return `${prefix}.${body}.${base64url(signature)}`;
}

/** The claims of a card whose signature verifies, or null for anything else. */
export function verifyCard(payload: string, publicKey: KeyObject): CardClaims | null {
  const parts = payload.split('.');
  if (parts.length !== 3 || parts[0] !== prefix) return null;
  const [, body = '', signature = ''] = parts;
  const isValid = verify(
    null,
    Buffer.from(`${prefix}.${body}`),
    publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!isValid) return null;
  try {
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const fields = [decoded.c, decoded.m, decoded.n, decoded.f, decoded.t];
    if (!fields.every((field) => typeof field === 'string')) return null;
    const [cooperativeId, membershipId, memberNumber, fullName, issuedAt] = fields as string[];
    return {
      cooperativeId: cooperativeId ?? '',
      membershipId: membershipId ?? '',
      memberNumber: memberNumber ?? '',
      fullName: fullName ?? '',
      issuedAt: issuedAt ?? '',
    };
  } catch {
    return null;
  }
}

export function keysFromPem(privateKeyPem: string) {
  const privateKey = createPrivateKey(privateKeyPem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
