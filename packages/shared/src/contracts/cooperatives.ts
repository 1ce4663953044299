import { z } from 'zod';
import { uuidSchema } from './common.js';

export const cooperativeTypes = [
  'simpan_pinjam',
  'konsumen',
  'produsen',
  'pemasaran',
  'jasa',
  'serba_usaha',
] as const;
export type CooperativeType = (typeof cooperativeTypes)[number];

export const cooperativeTiers = ['primer', 'sekunder'] as const;

/** AD/ART settings the platform reads; everything numeric is per cooperative (rules.md). */
export const bylawsSettings = z.object({
  simpananPokokRupiah: z.string().regex(/^\d+$/).default('100000'),
  simpananWajibMonthlyRupiah: z.string().regex(/^\d+$/).default('25000'),
  ratQuorumBps: z.number().int().min(1).max(10_000).default(5_001),
  ratDeadlineMonthsAfterYearEnd: z.number().int().min(1).max(12).default(6),
  lendingLimitBps: z.number().int().min(0).max(10_000).default(1_500),
  relatedPartyLendingLimitBps: z.number().int().min(0).max(10_000).default(1_000),
  withdrawWajibOnExitOnly: z.boolean().default(true),
});
export type BylawsSettings = z.infer<typeof bylawsSettings>;

export const createCooperativeRequest = z.object({
  name: z.string().trim().min(3).max(160),
  legalEntityNumber: z.string().trim().min(3).max(80).describe('Nomor badan hukum (AHU)'),
  nikKoperasi: z.string().trim().optional().describe('Nomor Induk Koperasi, 13–16 digits'),
  type: z.enum(cooperativeTypes),
  tier: z.enum(cooperativeTiers).default('primer'),
  districtCode: z.string().regex(/^\d{4}$/),
  isClosedLoop: z.boolean().default(true),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  bylaws: bylawsSettings.default(bylawsSettings.parse({})),
});
export type CreateCooperativeInput = z.infer<typeof createCooperativeRequest>;

export const cooperativeView = z.object({
  id: uuidSchema,
  name: z.string(),
  legalEntityNumber: z.string(),
  nikKoperasi: z.string().nullable(),
  type: z.enum(cooperativeTypes),
  tier: z.enum(cooperativeTiers),
  districtCode: z.string(),
  districtName: z.string(),
  provinceCode: z.string(),
  isClosedLoop: z.boolean(),
  fiscalYearStartMonth: z.number().int(),
  bylaws: bylawsSettings,
  createdAt: z.iso.datetime(),
});
export type CooperativeView = z.infer<typeof cooperativeView>;

export const joinFederationRequest = z.object({ secondaryCooperativeId: uuidSchema });
export const federationView = z.object({
  memberOf: z.array(
    z.object({ cooperativeId: uuidSchema, name: z.string(), joinedOn: z.iso.date() }),
  ),
  members: z.array(
    z.object({ cooperativeId: uuidSchema, name: z.string(), joinedOn: z.iso.date() }),
  ),
});

export const regionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'district']),
  provinceCode: z.string(),
});
