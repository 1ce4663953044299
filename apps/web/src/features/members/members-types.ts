import type { MemberView, MembershipStatus } from '@lumbung/shared';

/**
 * Shapes of the members API (packages/shared/src/contracts/members.ts), as types only: the
 * contracts module pulls in zod, which the first-load budget cannot afford.
 */
export type { MemberView };

export const occupationSegments = [
  'petani',
  'umkm',
  'karyawan',
  'pedagang',
  'mahasiswa',
  'pelajar',
  'lainnya',
] as const;
export type OccupationSegment = (typeof occupationSegments)[number];

export type MemberStatus = MembershipStatus;

export interface MemberPage {
  items: MemberView[];
  nextCursor: string | null;
}

export interface MemberCardView {
  payload: string;
  publicKeyPem: string;
  memberNumber: string;
  fullName: string;
  cooperativeId: string;
  issuedAt: string;
}

export interface VerifiedCard {
  isValid: true;
  cooperativeId: string;
  membershipId: string;
  memberNumber: string;
  fullName: string;
  issuedAt: string;
}

/** What the officer's "Daftarkan anggota" form sends. */
export interface RegisterMemberInput {
  nik: string;
  fullName: string;
  phone: string;
  address: string;
  village?: string;
  occupationSegment: OccupationSegment;
  employer?: string;
  joinedOn?: string;
}

/** What a person's own application sends (their phone is the one they signed in with). */
export type ApplyInput = Omit<RegisterMemberInput, 'phone' | 'joinedOn'>;

export interface DecisionInput {
  membershipId: string;
  decision: 'approve' | 'reject';
  note?: string;
}
