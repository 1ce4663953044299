import { describe, expect, it } from 'vitest';
import {
  accountOf,
  differenceKind,
  fitsAvailable,
  isValidPin,
  kindsFor,
  parseCashCount,
  parsePositiveAmount,
  readCardPayload,
  readMemberNumber,
  rupiahChange,
} from './savings-helpers';
import type { MemberSavingsView } from './savings-types';

const view: MemberSavingsView = {
  membershipId: '0194a1c0-0000-7000-8000-0000000000aa',
  memberNumber: '000123',
  fullName: 'Maria Lein',
  status: 'aktif',
  accounts: [
    { kind: 'pokok', accountId: 'a1', code: '2-1101-0001', balance: '100000', available: '0' },
    {
      kind: 'sukarela',
      accountId: 'a3',
      code: '2-1201-0001',
      balance: '9007199254740993',
      available: '9007199254740993',
    },
  ],
  total: '9007199254840993',
};

describe('accountOf', () => {
  it('finds the account of a kind', () => {
    expect(accountOf(view, 'sukarela').balance).toBe('9007199254740993');
  });
  it('treats a kind the server did not list as an unopened, empty account', () => {
    expect(accountOf(view, 'wajib')).toEqual({
      kind: 'wajib',
      accountId: null,
      code: null,
      balance: '0',
      available: '0',
    });
  });
});

describe('kindsFor', () => {
  it('deposits into all three, withdraws from sukarela only', () => {
    expect(kindsFor('deposit')).toEqual(['pokok', 'wajib', 'sukarela']);
    expect(kindsFor('withdrawal')).toEqual(['sukarela']);
  });
});

describe('parsePositiveAmount', () => {
  it('reads typed rupiah in both groupings', () => {
    expect(parsePositiveAmount('125.000')).toBe('125000');
    expect(parsePositiveAmount('125,000')).toBe('125000');
    expect(parsePositiveAmount('Rp 125.000')).toBe('125000');
    expect(parsePositiveAmount('000125000')).toBe('125000');
  });
  it('refuses zero, decimals, words and amounts above 10^15', () => {
    expect(parsePositiveAmount('0')).toBeNull();
    expect(parsePositiveAmount('1.50')).toBeNull();
    expect(parsePositiveAmount('seratus')).toBeNull();
    expect(parsePositiveAmount('1000000000000001')).toBeNull();
    expect(parsePositiveAmount('1000000000000000')).toBe('1000000000000000');
  });
});

describe('parseCashCount', () => {
  it('allows zero (an empty drawer) and grouped amounts', () => {
    expect(parseCashCount('0')).toBe('0');
    expect(parseCashCount('500.000')).toBe('500000');
  });
  it('refuses empty text, negatives and more than 16 digits', () => {
    expect(parseCashCount('')).toBeNull();
    expect(parseCashCount('-5')).toBeNull();
    expect(parseCashCount('12345678901234567')).toBeNull();
  });
});

describe('fitsAvailable', () => {
  it('compares beyond 2^53 exactly', () => {
    expect(fitsAvailable('9007199254740993', '9007199254740993')).toBe(true);
    expect(fitsAvailable('9007199254740994', '9007199254740993')).toBe(false);
  });
  it('is false for text that is not rupiah', () => {
    expect(fitsAvailable('abc', '100')).toBe(false);
  });
});

describe('PIN and member number', () => {
  it('a PIN is exactly six digits', () => {
    expect(isValidPin('123456')).toBe(true);
    expect(isValidPin('12345')).toBe(false);
    expect(isValidPin('12345a')).toBe(false);
    expect(isValidPin('1234567')).toBe(false);
  });
  it('a member number is 1 to 6 digits, kept as typed', () => {
    expect(readMemberNumber(' 000123 ')).toBe('000123');
    expect(readMemberNumber('1234567')).toBeNull();
    expect(readMemberNumber('12a')).toBeNull();
  });
});

describe('readCardPayload', () => {
  it('accepts a v1 card, dropping whitespace a scanner or clipboard added', () => {
    expect(readCardPayload('v1.eyJhIjoxfQ.c2lnbmF0dXJl')).toBe('v1.eyJhIjoxfQ.c2lnbmF0dXJl');
    expect(readCardPayload(' v1.eyJh\nIjoxfQ.c2ln_-bmF0 ')).toBe('v1.eyJhIjoxfQ.c2ln_-bmF0');
  });
  it('refuses other texts', () => {
    expect(readCardPayload('')).toBeNull();
    expect(readCardPayload('https://example.com')).toBeNull();
    expect(readCardPayload('v2.abc.def')).toBeNull();
    expect(readCardPayload('v1.abc')).toBeNull();
    expect(readCardPayload(`v1.${'a'.repeat(2000)}.b`)).toBeNull();
  });
});

describe('differenceKind and rupiahChange', () => {
  it('reads the sign of counted − expected', () => {
    expect(differenceKind('-5000')).toBe('short');
    expect(differenceKind('5000')).toBe('over');
    expect(differenceKind('0')).toBe('balanced');
  });
  it('subtracts exactly', () => {
    expect(rupiahChange('9007199254740993', '9007199254865993')).toBe('125000');
    expect(rupiahChange('125000', '0')).toBe('-125000');
  });
});
