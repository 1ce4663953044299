import { checkNik, type NikFacts } from '@lumbung/shared/nik';
import { normalizePhone } from '@lumbung/shared/phone';
import { DomainError } from '../../../platform/domain-error.js';

/** Refuses: identity.nik_invalid (with the reason), identity.phone_invalid. */
export function validateIdentity(
  input: { nik: string; phone: string },
  today: Date,
): { nik: string; facts: NikFacts; phone: string } {
  const nik = input.nik.replace(/[\s.-]/g, '');
  const check = checkNik(nik, today);
  if (!check.ok) throw new DomainError('identity.nik_invalid', { reason: check.reason });
  const phone = normalizePhone(input.phone);
  if (!phone) throw new DomainError('identity.phone_invalid');
  return { nik, facts: check.facts, phone };
}
