import type { CreateCooperativeInput } from '@lumbung/shared/contracts/cooperatives';
import type { MembershipRole } from '@lumbung/shared/contracts/identity';

/** The demo platform: cooperatives in several NTT districts, in the shapes NTT actually has. */
export interface DemoCooperative {
  key: string;
  id: string;
  input: CreateCooperativeInput;
  memberCount: number;
  /** Roles that get a printed login (one person each, besides ordinary members). */
  loginRoles: MembershipRole[];
  joinsSecondary?: string;
  /** Keeps a loan book through the loans module (seed-loans.ts). */
  lends?: boolean;
}

const bylaws = {
  simpananPokokRupiah: '100000',
  simpananWajibMonthlyRupiah: '25000',
  ratQuorumBps: 5_001,
  ratDeadlineMonthsAfterYearEnd: 6,
  lendingLimitBps: 1_500,
  relatedPartyLendingLimitBps: 1_000,
  withdrawWajibOnExitOnly: true,
};

const base = { tier: 'primer' as const, isClosedLoop: true, fiscalYearStartMonth: 1, bylaws };

export const demoCooperatives: DemoCooperative[] = [
  {
    key: 'secondary',
    id: '0194a1c0-0000-7000-8000-000000000004',
    input: {
      ...base,
      tier: 'sekunder',
      name: 'Puskopdit Flores Bersatu',
      legalEntityNumber: 'AHU-0000101.AH.01.26.2020',
      nikKoperasi: '5310010000004',
      type: 'simpan_pinjam',
      districtCode: '5310',
    },
    memberCount: 0,
    loginRoles: ['ketua'],
  },
  {
    key: 'credit-union',
    id: '0194a1c0-0000-7000-8000-000000000001',
    input: {
      ...base,
      name: 'Kopdit Swadaya Sejahtera',
      legalEntityNumber: 'AHU-0001234.AH.01.26.2018',
      nikKoperasi: '5310010001234',
      type: 'simpan_pinjam',
      districtCode: '5310',
    },
    memberCount: 120,
    loginRoles: ['ketua', 'sekretaris', 'bendahara', 'pengawas', 'manajer', 'kasir', 'anggota'],
    joinsSecondary: 'secondary',
    lends: true,
  },
  {
    key: 'producer',
    id: '0194a1c0-0000-7000-8000-000000000002',
    input: {
      ...base,
      name: 'Koperasi Produsen Kopi Manggarai Lestari',
      legalEntityNumber: 'AHU-0005678.AH.01.29.2021',
      nikKoperasi: '5319020005678',
      type: 'produsen',
      districtCode: '5319',
    },
    memberCount: 110,
    loginRoles: ['ketua', 'bendahara', 'anggota'],
  },
  {
    key: 'consumer',
    id: '0194a1c0-0000-7000-8000-000000000003',
    input: {
      ...base,
      name: 'Koperasi Konsumen Toko Lumbung Kupang',
      legalEntityNumber: 'AHU-0009012.AH.01.28.2019',
      nikKoperasi: '5371030009012',
      type: 'konsumen',
      districtCode: '5371',
      isClosedLoop: false,
    },
    memberCount: 90,
    loginRoles: ['ketua', 'kasir', 'anggota'],
  },
];

export const firstNames = [
  'Maria',
  'Yohanes',
  'Fransiskus',
  'Agustinus',
  'Theresia',
  'Katarina',
  'Petrus',
  'Paulus',
  'Yosef',
  'Elisabeth',
  'Anastasia',
  'Veronika',
  'Antonius',
  'Kristina',
  'Marselina',
  'Fransiska',
  'Benediktus',
  'Hendrikus',
  'Yuliana',
  'Dominikus',
  'Margaretha',
  'Stefanus',
  'Rosalia',
  'Aloysius',
  'Imaculata',
  'Gabriel',
  'Florentina',
  'Laurensius',
  'Sesilia',
  'Kornelis',
  'Ursula',
  'Bernadus',
];
export const familyNames = [
  'Da Costa',
  'Parera',
  'Wodon',
  'Bura',
  'Nggadas',
  'Lewar',
  'Fernandez',
  'Lamak',
  'Kolo',
  'Tefa',
  'Ndun',
  'Manafe',
  'Bessie',
  'Nalle',
  'Radja',
  'Bata',
  'Wangge',
  'Sogen',
  'Kelen',
  'Moa',
  'Nai',
  'Djawa',
  'Tukan',
  'Hurint',
  'Woda',
  'Lado',
  'Sina',
  'Dasi',
  'Kewa',
  'Lakon',
];

/** Sub-district (kecamatan) codes per district, for members' NIKs. */
export const kecamatanCodes: Record<string, string[]> = {
  '5310': ['531001', '531002', '531003', '531004', '531005'],
  '5319': ['531901', '531902', '531903', '531904'],
  '5371': ['537101', '537102', '537103', '537104', '537105', '537106'],
};

const villages: Record<string, string[]> = {
  '5310': ['Nita', 'Koting', 'Habi', 'Waioti', 'Kewapante', 'Watublapi'],
  '5319': ['Colol', 'Mokel', 'Rana Mese', 'Golo Lijun', 'Pota'],
  '5371': ['Oebobo', 'Kayu Putih', 'Oesapa', 'Liliba', 'Naikoten'],
};

type Segment = 'petani' | 'umkm' | 'karyawan' | 'pedagang' | 'mahasiswa' | 'pelajar' | 'lainnya';

const segmentsByType: Record<string, readonly Segment[]> = {
  simpan_pinjam: ['petani', 'petani', 'umkm', 'pedagang', 'karyawan', 'lainnya'],
  produsen: ['petani', 'petani', 'petani', 'umkm'],
  konsumen: ['karyawan', 'karyawan', 'pedagang', 'umkm', 'mahasiswa'],
};

/** Address and occupation of a demo member, plausible for the cooperative's district and type. */
export function memberDetailsOf(
  random: { pick<T>(items: readonly T[]): T; integer(min: number, max: number): number },
  demo: DemoCooperative,
) {
  const village = random.pick(villages[demo.input.districtCode] ?? ['Desa']);
  return {
    address: `RT ${String(random.integer(1, 12)).padStart(3, '0')}/RW ${String(random.integer(1, 5)).padStart(3, '0')}, ${village}`,
    village,
    occupationSegment: random.pick<Segment>(segmentsByType[demo.input.type] ?? ['lainnya']),
  };
}
