import { DomainError } from '../../../platform/domain-error.js';
import type { Tx } from '../../../platform/db/database.js';
import { findMemberRow } from '../members.sql.js';
import type { CardKeys } from '../members.types.js';
import { signCard, verifyCard } from '../rules/member-card.js';

/**
 * The member card: a signed QR payload the teller's phone can verify offline with the public key.
 * Refuses: members.member_not_found, members.not_active.
 */
export async function issueMemberCard(
  ctx: { tx: Tx; cooperativeId: string; now: Date },
  input: { membershipId: string; keys: CardKeys },
) {
  const member = await findMemberRow(ctx.tx, ctx.cooperativeId, input.membershipId);
  if (!member) throw new DomainError('members.member_not_found');
  if (member.status !== 'aktif' || !member.memberNumber)
    throw new DomainError('members.not_active');
  const claims = {
    cooperativeId: member.cooperativeId,
    membershipId: member.membershipId,
    memberNumber: member.memberNumber,
    fullName: member.fullName,
    issuedAt: ctx.now.toISOString(),
  };
  return {
    ...claims,
    payload: signCard(claims, input.keys.privateKey),
    publicKeyPem: input.keys.publicKeyPem,
  };
}

/** Refuses: members.card_invalid. */
export function verifyMemberCard(payload: string, keys: CardKeys) {
  const claims = verifyCard(payload, keys.publicKey);
  if (!claims) throw new DomainError('members.card_invalid');
  return { isValid: true as const, ...claims };
}
