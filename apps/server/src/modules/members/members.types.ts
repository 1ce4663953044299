import type { KeyObject } from 'node:crypto';
import type { MemberRow } from './members.sql.js';

export type Member = MemberRow;

/** The platform's member-card signing key pair (Ed25519); the public half is published. */
export interface CardKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
}
