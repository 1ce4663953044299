import { z } from 'zod';
import { uuidSchema } from './common.js';

export const membershipRoles = [
  'anggota',
  'ketua',
  'sekretaris',
  'bendahara',
  'pengawas',
  'manajer',
  'kasir',
] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** calon: applied, awaiting the pengurus; ditolak: the application was refused. */
export const membershipStatuses = [
  'calon',
  'aktif',
  'keluar',
  'meninggal',
  'diberhentikan',
  'ditolak',
] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
/** Pengurus is the board: ketua, sekretaris and bendahara. */
export const pengurusRoles: readonly MembershipRole[] = ['ketua', 'sekretaris', 'bendahara'];

export const officerRoles = ['dinas', 'platform'] as const;
export type OfficerRole = (typeof officerRoles)[number];

export const phoneInput = z
  .string()
  .min(8)
  .max(20)
  .describe('Indonesian mobile number, e.g. 0812xxxxxxx');
export const passwordInput = z.string().min(1).max(200);

export const personView = z.object({
  id: uuidSchema,
  fullName: z.string(),
  phone: z.string().describe('E.164, +62…'),
  nikMasked: z.string().describe('Only the first 6 and last 2 digits, e.g. 530101********01'),
  locale: z.enum(['id', 'en']),
  hasPin: z.boolean(),
});
export type PersonView = z.infer<typeof personView>;

export const membershipView = z.object({
  membershipId: uuidSchema,
  cooperativeId: uuidSchema,
  cooperativeName: z.string(),
  districtCode: z.string(),
  roles: z.array(z.enum(membershipRoles)),
  status: z.enum(membershipStatuses),
});
export type MembershipView = z.infer<typeof membershipView>;

export const officerScopeView = z.object({
  role: z.enum(officerRoles),
  regionCodes: z.array(z.string()),
});
export type OfficerScopeView = z.infer<typeof officerScopeView>;

export const loginRequest = z.object({ phone: phoneInput, password: passwordInput });
export const sessionResponse = z.object({
  token: z.string().describe('Bearer token for API clients; the web app uses the httpOnly cookie'),
  expiresAt: z.iso.datetime(),
  person: personView,
  memberships: z.array(membershipView),
  officerScopes: z.array(officerScopeView),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const meResponse = sessionResponse.omit({ token: true, expiresAt: true });
export type MeResponse = z.infer<typeof meResponse>;

export const otpPurposes = ['login', 'reset_password'] as const;
export const otpRequest = z.object({ phone: phoneInput, purpose: z.enum(otpPurposes) });
export const otpRequestResponse = z.object({
  sent: z.literal(true),
  expiresAt: z.iso.datetime(),
  channel: z.string(),
});
export const otpLoginRequest = z.object({ phone: phoneInput, code: z.string().regex(/^\d{6}$/) });
export const passwordResetRequest = z.object({
  phone: phoneInput,
  code: z.string().regex(/^\d{6}$/),
  newPassword: passwordInput,
});
export const setPinRequest = z.object({ password: passwordInput, pin: z.string().max(12) });
export const verifyPinRequest = z.object({ pin: z.string().max(12) });
export const localeRequest = z.object({ locale: z.enum(['id', 'en']) });

export const registerPersonRequest = z.object({
  nik: z.string().min(16).max(24),
  fullName: z.string().trim().min(2).max(120),
  phone: phoneInput,
  roles: z.array(z.enum(membershipRoles)).min(1).default(['anggota']),
  password: passwordInput
    .optional()
    .describe('Optional; without it the person activates by one-time code'),
});
export const registeredMembershipResponse = z.object({
  person: personView,
  membership: membershipView,
});

export const grantRolesRequest = z.object({ roles: z.array(z.enum(membershipRoles)).min(1) });

export const createOfficerRequest = z.object({
  nik: z.string().min(16).max(24),
  fullName: z.string().trim().min(2).max(120),
  phone: phoneInput,
  password: passwordInput,
  role: z.enum(officerRoles),
  regionCodes: z.array(z.string().regex(/^\d{2}(\d{2})?$/)).default([]),
});
