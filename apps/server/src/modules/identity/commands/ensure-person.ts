import { uuidv7 } from '@lumbung/shared/ids';
import type { Tx } from '../../../platform/db/database.js';
import { DomainError } from '../../../platform/domain-error.js';
import { findPersonIdByNik, findPersonIdByPhone, insertPerson } from '../identity.sql.js';
import { hashSecret } from '../password-hashing.js';
import { isAcceptablePassword } from '../rules/password-policy.js';
import { validateIdentity } from './validate-identity.js';

export interface PersonInput {
  nik: string;
  fullName: string;
  phone: string;
  password?: string | undefined;
}

/**
 * Finds the person with this NIK or registers them. One NIK is one person across the platform;
 * their phone must be theirs alone.
 *
 * Refuses: identity.nik_invalid, identity.phone_invalid, identity.password_too_weak,
 * identity.phone_already_registered.
 */
export async function ensurePerson(
  ctx: { tx: Tx; now: Date },
  input: PersonInput,
): Promise<{ personId: string; isNew: boolean }> {
  const { nik, facts, phone } = validateIdentity(input, ctx.now);
  const existingId = await findPersonIdByNik(ctx.tx, nik);
  const phoneOwnerId = await findPersonIdByPhone(ctx.tx, phone);
  if (phoneOwnerId !== null && phoneOwnerId !== existingId) {
    throw new DomainError('identity.phone_already_registered');
  }
  if (existingId) return { personId: existingId, isNew: false };
  if (input.password !== undefined && !isAcceptablePassword(input.password, phone)) {
    throw new DomainError('identity.password_too_weak');
  }
  const personId = uuidv7(ctx.now.getTime());
  await insertPerson(ctx.tx, {
    id: personId,
    nik,
    fullName: input.fullName.trim(),
    phone,
    birthDate: facts.birthDate,
    sex: facts.sex,
    passwordHash: input.password === undefined ? null : await hashSecret(input.password),
    createdAt: ctx.now,
  });
  return { personId, isNew: true };
}
