/**
 * Every refusal code the platform can return, declared once with its HTTP status and when it
 * happens. Messages (Indonesian and English) live in `messages/{id,en}.ts`, typed against this
 * list so a missing translation fails the build. Status follows the house rule: *_not_found 404,
 * *_already_* and idempotency conflicts 409, other domain refusals 422, validation 400.
 */
export const errorCodes = {
  // request (platform/http)
  'request.invalid': { status: 400, when: 'the body, query or path fails its contract' },
  'request.not_found': { status: 404, when: 'no route matches the method and path' },
  'request.idempotency_key_required': {
    status: 400,
    when: 'a POST that creates or moves something arrives without an Idempotency-Key header',
  },
  'request.idempotency_conflict': {
    status: 409,
    when: 'an Idempotency-Key is reused with a different request body or route',
  },
  'request.idempotency_in_progress': {
    status: 409,
    when: 'the first request with this Idempotency-Key has not finished yet',
  },
  'request.rate_limited': { status: 429, when: 'too many requests from one client in a window' },
  'request.internal_error': {
    status: 500,
    when: 'an assertion failed: a bug, logged with the request id',
  },
  // auth
  'auth.unauthenticated': { status: 401, when: 'no valid session cookie or bearer token' },
  'auth.forbidden': { status: 403, when: "the caller's roles do not allow this route" },
  'auth.invalid_credentials': { status: 401, when: 'phone or password is wrong' },
  'auth.account_locked': { status: 423, when: 'too many failed logins; locked until a time' },
  'auth.otp_invalid': { status: 422, when: 'the one-time code is wrong, used or expired' },
  'auth.otp_too_many_attempts': { status: 429, when: 'a one-time code was guessed too often' },
  'auth.pin_not_set': {
    status: 422,
    when: 'a money move needs a transaction PIN the person has not set',
  },
  'auth.pin_invalid': { status: 422, when: 'the transaction PIN is wrong' },
  'auth.pin_locked': { status: 423, when: 'the PIN was wrong too many times; locked until a time' },
  // identity
  'identity.nik_invalid': {
    status: 422,
    when: 'a NIK is not 16 digits with a valid region, birth date and sequence',
  },
  'identity.phone_invalid': {
    status: 422,
    when: 'a phone number is not an Indonesian mobile number',
  },
  'identity.password_too_weak': {
    status: 422,
    when: 'a password is shorter than 8 characters or too common',
  },
  'identity.pin_format_invalid': {
    status: 422,
    when: 'a PIN is not 6 digits or is trivially guessable',
  },
  'identity.nik_already_registered': { status: 409, when: 'another person already has this NIK' },
  'identity.phone_already_registered': {
    status: 409,
    when: 'another person already has this phone number',
  },
  'identity.person_not_found': {
    status: 404,
    when: 'no person with that id in reach of the caller',
  },
  'identity.membership_already_exists': {
    status: 409,
    when: 'the person already belongs to this cooperative',
  },
  'identity.region_scope_invalid': {
    status: 422,
    when: 'a dinas officer is scoped to an unknown region code',
  },
  // cooperatives
  'cooperatives.cooperative_not_found': {
    status: 404,
    when: 'no cooperative with that id in reach of the caller',
  },
  'cooperatives.district_unknown': {
    status: 422,
    when: 'the district code is not a seeded region',
  },
  'cooperatives.legal_entity_number_already_registered': {
    status: 409,
    when: 'another cooperative has this legal-entity number',
  },
  'cooperatives.nik_koperasi_already_registered': {
    status: 409,
    when: 'another cooperative has this Nomor Induk Koperasi',
  },
  'cooperatives.nik_koperasi_invalid': {
    status: 422,
    when: 'a NIK koperasi is not 13 to 16 digits',
  },
  'cooperatives.federation_requires_secondary': {
    status: 422,
    when: 'a cooperative joins another that is not a secondary (sekunder) cooperative',
  },
  'cooperatives.federation_self': { status: 422, when: 'a cooperative tries to join itself' },
  'cooperatives.federation_already_member': {
    status: 409,
    when: 'the primary cooperative is already a member of that secondary cooperative',
  },
} as const satisfies Record<string, { status: number; when: string }>;

export type ErrorCode = keyof typeof errorCodes;

export function statusOf(code: ErrorCode): number {
  return errorCodes[code].status;
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}

/** The body of every error response (RFC 9457 problem details plus our stable code). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  message: { id: string; en: string };
  detail?: string;
  instance?: string;
  requestId?: string;
  params?: Record<string, unknown>;
  issues?: { path: string; message: string }[];
}
