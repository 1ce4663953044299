import { describe, expect, it } from 'vitest';
import { checkNik, composeNik } from './nik.js';

const today = new Date('2026-11-27T00:00:00Z');

describe('checkNik', () => {
  it('reads region, birth date, sex and sequence from a man’s NIK', () => {
    expect(checkNik('5310011208850003', today)).toEqual({
      ok: true,
      facts: {
        provinceCode: '53',
        regencyCode: '5310',
        districtCode: '531001',
        birthDate: '1985-08-12',
        sex: 'male',
        sequence: 3,
      },
    });
  });
  it('reads a woman’s birth day as the encoded day minus 40', () => {
    const check = checkNik('5371025203010001', today);
    expect(check.ok && check.facts).toMatchObject({ birthDate: '2001-03-12', sex: 'female' });
  });
  it('accepts spaces and dots people type', () =>
    expect(checkNik('5310 0112 0885 0003', today).ok).toBe(true));
  it.each([
    ['53100112088500', 'not_16_digits'],
    ['5310011208850a03', 'not_16_digits'],
    ['9910011208850003', 'unknown_province'],
    ['5300011208850003', 'invalid_regency'],
    ['5310001208850003', 'invalid_district'],
    ['5310013102850003', 'invalid_birth_date'],
    ['5310017113850003', 'invalid_birth_date'],
    ['5310011213850003', 'invalid_birth_date'],
    ['5310011208850000', 'invalid_sequence'],
  ])('refuses %s as %s', (nik, reason) =>
    expect(checkNik(nik, today)).toEqual({ ok: false, reason }),
  );
  it('puts a two-digit year in the latest century that is not in the future', () => {
    const check = checkNik('5310011511260001', today);
    expect(check.ok && check.facts.birthDate).toBe('2026-11-15');
    const older = checkNik('5310011512260001', today);
    expect(older.ok && older.facts.birthDate).toBe('1926-12-15');
  });
  it('round-trips composeNik', () => {
    const nik = composeNik({
      districtCode: '530901',
      birthDate: '1990-07-04',
      sex: 'female',
      sequence: 12,
    });
    expect(nik).toBe('5309014407900012');
    expect(checkNik(nik, today)).toMatchObject({
      ok: true,
      facts: { birthDate: '1990-07-04', sex: 'female' },
    });
  });
});
