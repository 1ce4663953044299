import { z } from 'zod';
import { isoDateSchema, uuidSchema } from './common.js';
import { phoneInput } from './identity.js';

export const occupationSegments = [
  'petani',
  'umkm',
  'karyawan',
  'pedagang',
  'mahasiswa',
  'pelajar',
  'lainnya',
] as const;
export const memberStatuses = [
  'calon',
  'aktif',
  'keluar',
  'meninggal',
  'diberhentikan',
  'ditolak',
] as const;

export const memberDetailsInput = z.object({
  address: z.string().trim().min(3).max(300),
  village: z.string().trim().max(120).optional(),
  occupationSegment: z.enum(occupationSegments),
  employer: z
    .string()
    .trim()
    .max(160)
    .optional()
    .describe('For karyawan: the employer (payroll deduction)'),
});

export const registerMemberRequest = memberDetailsInput.extend({
  nik: z.string().min(16).max(24),
  fullName: z.string().trim().min(2).max(120),
  phone: phoneInput,
  joinedOn: isoDateSchema.optional(),
  password: z.string().max(200).optional(),
});

export const applyForMembershipRequest = memberDetailsInput.extend({
  nik: z.string().min(16).max(24),
  fullName: z.string().trim().min(2).max(120),
});

export const decideApplicationRequest = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500).optional(),
});

export const memberView = z.object({
  membershipId: uuidSchema,
  cooperativeId: uuidSchema,
  memberNumber: z.string().nullable(),
  personId: uuidSchema,
  fullName: z.string(),
  nikMasked: z.string(),
  phone: z.string(),
  address: z.string(),
  village: z.string().nullable(),
  occupationSegment: z.enum(occupationSegments),
  employer: z.string().nullable(),
  status: z.enum(memberStatuses),
  registeredVia: z.enum(['officer', 'self', 'import']),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  joinedOn: isoDateSchema.nullable(),
  leftOn: isoDateSchema.nullable(),
  exitReason: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberView>;

export const memberCardView = z.object({
  payload: z
    .string()
    .describe('v1.<base64url JSON>.<base64url Ed25519 signature>: put this in the QR code'),
  publicKeyPem: z.string(),
  memberNumber: z.string(),
  fullName: z.string(),
  cooperativeId: uuidSchema,
  issuedAt: z.string(),
});

export const verifyCardRequest = z.object({ payload: z.string().max(2000) });
export const verifiedCardView = z.object({
  isValid: z.literal(true),
  cooperativeId: uuidSchema,
  membershipId: uuidSchema,
  memberNumber: z.string(),
  fullName: z.string(),
  issuedAt: z.string(),
});
