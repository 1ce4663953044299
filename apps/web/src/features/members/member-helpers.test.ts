import { describe, expect, it } from 'vitest';
import {
  cooperativeIdFromQuery,
  emptyMemberForm,
  normalizeNik,
  readMemberForm,
} from './member-form';
import { memberPermissions } from './member-roles';
import { qrSvgPath, qrViewBox, quietZone } from './qr-path';

const filled = {
  ...emptyMemberForm,
  nik: '5310 0112 3456 0001',
  fullName: '  Maria Lein ',
  phone: '0812-3456-7890',
  address: 'Jl. Kelimutu 5',
  occupationSegment: 'petani',
};

describe('readMemberForm', () => {
  it('returns the trimmed request body, leaving out empty optional fields', () => {
    expect(readMemberForm(filled, { withPhone: true })).toEqual({
      ok: true,
      input: {
        nik: '5310011234560001',
        fullName: 'Maria Lein',
        phone: '081234567890',
        address: 'Jl. Kelimutu 5',
        occupationSegment: 'petani',
      },
    });
  });
  it('keeps the employer, village and join date when given', () => {
    const read = readMemberForm(
      {
        ...filled,
        occupationSegment: 'karyawan',
        employer: ' PT Flores ',
        village: 'Wolowaru',
        joinedOn: '2026-01-02',
      },
      { withPhone: true },
    );
    expect(read.ok && read.input).toMatchObject({
      employer: 'PT Flores',
      village: 'Wolowaru',
      joinedOn: '2026-01-02',
    });
  });
  it('names every field to fix', () => {
    const read = readMemberForm(
      { ...emptyMemberForm, nik: '123', phone: '12345', joinedOn: 'kemarin' },
      { withPhone: true },
    );
    expect(read).toEqual({
      ok: false,
      errors: {
        nik: 'nik',
        fullName: 'fullName',
        phone: 'phone',
        address: 'address',
        occupationSegment: 'occupation',
        joinedOn: 'joinedOn',
      },
    });
  });
  it('does not ask for a phone on a self-application', () => {
    const read = readMemberForm({ ...filled, phone: '' }, { withPhone: false });
    expect(read.ok).toBe(true);
  });
  it('refuses an occupation that is not a segment', () => {
    const read = readMemberForm({ ...filled, occupationSegment: 'nelayan' }, { withPhone: true });
    expect(read.ok).toBe(false);
  });
});

describe('normalizeNik and cooperativeIdFromQuery', () => {
  it('drops spaces, dots and dashes from a NIK', () => {
    expect(normalizeNik('5310.0112-3456 0001')).toBe('5310011234560001');
  });
  it('reads a UUID from ?koperasi= and nothing else', () => {
    expect(cooperativeIdFromQuery(' 0194A1C0-0000-7000-8000-000000000001 ')).toBe(
      '0194a1c0-0000-7000-8000-000000000001',
    );
    expect(cooperativeIdFromQuery(null)).toBeNull();
    expect(cooperativeIdFromQuery('kopdit')).toBeNull();
  });
});

describe('memberPermissions', () => {
  it('follows the server routes', () => {
    expect(memberPermissions(['kasir'])).toEqual({
      canReadRegistry: true,
      canRegister: true,
      canDecide: false,
      canTell: true,
    });
    expect(memberPermissions(['pengawas'])).toEqual({
      canReadRegistry: true,
      canRegister: false,
      canDecide: false,
      canTell: false,
    });
    expect(memberPermissions(['sekretaris']).canDecide).toBe(true);
    expect(memberPermissions(['anggota'])).toEqual({
      canReadRegistry: false,
      canRegister: false,
      canDecide: false,
      canTell: false,
    });
  });
});

describe('qrSvgPath', () => {
  it('draws each run of dark modules as one rectangle, offset by the quiet zone', () => {
    // Row 0: dark dark light; row 1: light light dark.
    const dark = [
      [true, true, false],
      [false, false, true],
    ];
    const path = qrSvgPath({ size: 2, isDark: (row, column) => dark[row]?.[column] ?? false });
    expect(path).toBe(`M${String(quietZone)} ${String(quietZone)}h2v1h-2z`);
    const full = qrSvgPath({ size: 3, isDark: (row, column) => dark[row]?.[column] ?? false });
    expect(full).toBe('M4 4h2v1h-2zM6 5h1v1h-1z');
  });
  it('sizes the view box with the quiet zone on both sides', () => {
    expect(qrViewBox(21)).toBe('0 0 29 29');
  });
});
