import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CardKeys } from './members.types.js';
import { keysFromPem } from './rules/member-card.js';

/**
 * The member-card signing key: LUMBUNG_CARD_SIGNING_KEY (an Ed25519 private key in PEM) in
 * production; otherwise one generated on first start and kept in the data directory (mode 0600),
 * or an ephemeral one when there is no data directory (tests).
 */
export function loadCardKeys(input: { pem: string | null; dataDir: string | null }): CardKeys {
  let pem = input.pem;
  if (!pem && input.dataDir) {
    const file = path.join(input.dataDir, 'card-signing-key.pem');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(input.dataDir, { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    pem = fs.readFileSync(file, 'utf8');
  }
  pem ??= generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const { privateKey, publicKey } = keysFromPem(pem);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
