import { provinceCodes } from './regions.js';

/** What a structurally valid NIK (Nomor Induk Kependudukan, the 16-digit KTP number) tells. */
export interface NikFacts {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string; // ISO yyyy-mm-dd
  sex: 'female' | 'male';
  sequence: number;
}

export type NikCheck = { ok: true; facts: NikFacts } | { ok: false; reason: NikRefusal };

export type NikRefusal =
  | 'not_16_digits'
  | 'unknown_province'
  | 'invalid_regency'
  | 'invalid_district'
  | 'invalid_birth_date'
  | 'invalid_sequence';

/**
 * Checks a NIK's structure: PP RR DD (province, regency, district) + DDMMYY (day + 40 for women)
 * + SSSS (sequence from 0001). The century is the latest that does not put the birth date after
 * `today`. This is structure only: whether Dukcapil issued the number is not knowable offline.
 */
export function checkNik(raw: string, today: Date): NikCheck {
  const nik = raw.replace(/[\s.-]/g, '');
  if (!/^\d{16}$/.test(nik)) return { ok: false, reason: 'not_16_digits' };
  const provinceCode = nik.slice(0, 2);
  if (!provinceCodes.has(provinceCode)) return { ok: false, reason: 'unknown_province' };
  if (nik.slice(2, 4) === '00') return { ok: false, reason: 'invalid_regency' };
  if (nik.slice(4, 6) === '00') return { ok: false, reason: 'invalid_district' };
  const encodedDay = Number(nik.slice(6, 8));
  const sex = encodedDay > 40 ? 'female' : 'male';
  const day = sex === 'female' ? encodedDay - 40 : encodedDay;
  const month = Number(nik.slice(8, 10));
  const twoDigitYear = Number(nik.slice(10, 12));
  const currentYear = today.getUTCFullYear();
  let year = Math.floor(currentYear / 100) * 100 + twoDigitYear;
  if (year > currentYear) year -= 100;
  let birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getTime() > today.getTime()) {
    year -= 100;
    birth = new Date(Date.UTC(year, month - 1, day));
  }
  const isRealDate =
    day >= 1 &&
    month >= 1 &&
    month <= 12 &&
    birth.getUTCDate() === day &&
    birth.getUTCMonth() === month - 1;
  if (!isRealDate) return { ok: false, reason: 'invalid_birth_date' };
  const sequence = Number(nik.slice(12, 16));
  if (sequence === 0) return { ok: false, reason: 'invalid_sequence' };
  return {
    ok: true,
    facts: {
      provinceCode,
      regencyCode: nik.slice(0, 4),
      districtCode: nik.slice(0, 6),
      birthDate: birth.toISOString().slice(0, 10),
      sex,
      sequence,
    },
  };
}

/** Builds a NIK from its parts (used by the demo seed and tests, never to invent real people). */
export function composeNik(parts: {
  districtCode: string;
  birthDate: string;
  sex: 'female' | 'male';
  sequence: number;
}): string {
  const [yearText, monthText, dayText] = parts.birthDate.split('-');
  const day = Number(dayText) + (parts.sex === 'female' ? 40 : 0);
  return `${parts.districtCode}${String(day).padStart(2, '0')}${monthText}${yearText?.slice(2)}${String(parts.sequence).padStart(4, '0')}`;
}
