import type { ErrorCode } from '../error-codes.js';

/** English texts for every refusal code. `{{name}}` is filled from the error's params. */
export const errorMessagesEn: Record<ErrorCode, string> = {
  'request.invalid': 'The data sent is not valid.',
  'request.not_found': 'Address not found.',
  'request.idempotency_key_required': 'This request needs an Idempotency-Key header.',
  'request.idempotency_conflict':
    'This Idempotency-Key was already used for a different request. Use a new key.',
  'request.idempotency_in_progress':
    'A request with this key is still being processed. Try again shortly.',
  'request.rate_limited': 'Too many requests. Try again in {{retryAfterSeconds}} seconds.',
  'request.internal_error': 'A system error occurred. Quote code {{requestId}} to support.',
  'auth.unauthenticated': 'Please sign in first.',
  'auth.forbidden': 'You do not have access to this action.',
  'auth.invalid_credentials': 'Phone number or password is wrong.',
  'auth.account_locked':
    'Account temporarily locked after too many failed attempts. Try again after {{lockedUntil}}.',
  'auth.otp_invalid': 'The verification code is wrong or has expired.',
  'auth.otp_too_many_attempts': 'Too many verification attempts. Request a new code.',
  'auth.pin_not_set': 'Set a transaction PIN first.',
  'auth.pin_invalid': 'The transaction PIN is wrong.',
  'auth.pin_locked': 'The transaction PIN is temporarily locked. Try again after {{lockedUntil}}.',
  'identity.nik_invalid': 'The NIK is not valid: {{reason}}.',
  'identity.phone_invalid':
    'The phone number is not valid. Use an Indonesian mobile number such as 0812xxxxxxx.',
  'identity.password_too_weak':
    'A password needs at least 8 characters and must not be easy to guess.',
  'identity.pin_format_invalid': 'A PIN is 6 digits, not a sequence and not all the same digit.',
  'identity.nik_already_registered': 'This NIK is already registered.',
  'identity.phone_already_registered': 'This phone number is already registered.',
  'identity.person_not_found': 'Person not found.',
  'identity.membership_already_exists': 'This person already belongs to this cooperative.',
  'identity.region_scope_invalid': 'Region code {{regionCode}} is unknown.',
  'cooperatives.cooperative_not_found': 'Cooperative not found.',
  'cooperatives.district_unknown': 'District code {{districtCode}} is unknown.',
  'cooperatives.legal_entity_number_already_registered':
    'Another cooperative already uses this legal-entity number.',
  'cooperatives.nik_koperasi_already_registered':
    'Another cooperative already has this registration number (NIK koperasi).',
  'cooperatives.nik_koperasi_invalid':
    'A cooperative registration number (NIK koperasi) has 13 to 16 digits.',
  'cooperatives.federation_requires_secondary':
    'A cooperative can only join a secondary cooperative.',
  'cooperatives.federation_self': 'A cooperative cannot be a member of itself.',
  'cooperatives.federation_already_member':
    'This cooperative is already a member of that secondary cooperative.',
};
