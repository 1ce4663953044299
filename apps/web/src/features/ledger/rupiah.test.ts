import { describe, expect, it } from 'vitest';
import {
  formatRupiah,
  groupDigits,
  isRupiahString,
  maxLineAmount,
  parseLineAmount,
  parseRupiahInput,
  sumRupiah,
} from './rupiah';

describe('formatRupiah', () => {
  it('groups thousands Indonesian style', () => {
    expect(formatRupiah('0')).toBe('Rp0');
    expect(formatRupiah('999')).toBe('Rp999');
    expect(formatRupiah('1000')).toBe('Rp1.000');
    expect(formatRupiah('150000')).toBe('Rp150.000');
    expect(formatRupiah('1240000')).toBe('Rp1.240.000');
  });

  it('groups with commas in English', () => {
    expect(formatRupiah('1240000', 'en')).toBe('Rp1,240,000');
  });

  it('puts the minus before the currency', () => {
    expect(formatRupiah('-1000')).toBe('-Rp1.000');
    expect(formatRupiah('-5')).toBe('-Rp5');
    expect(formatRupiah('-0')).toBe('Rp0');
  });

  it('keeps every digit of amounts beyond 2^53', () => {
    // 2^53 = 9007199254740992; as a JS number 9007199254740993 would round to ...992.
    expect(formatRupiah('9007199254740993')).toBe('Rp9.007.199.254.740.993');
    expect(formatRupiah('-1234567890123456789')).toBe('-Rp1.234.567.890.123.456.789');
  });

  it('drops leading zeros', () => {
    expect(formatRupiah('000150000')).toBe('Rp150.000');
  });

  it('shows text that is not a rupiah string unchanged instead of inventing a number', () => {
    expect(formatRupiah('12.5')).toBe('12.5');
    expect(formatRupiah('')).toBe('');
  });
});

describe('groupDigits', () => {
  it('groups counts without a currency', () => {
    expect(groupDigits('1240')).toBe('1.240');
    expect(groupDigits('1240', 'en')).toBe('1,240');
    expect(groupDigits('-1240')).toBe('-1.240');
    expect(groupDigits('12')).toBe('12');
  });
});

describe('parseRupiahInput', () => {
  it('reads plain digits and thousands grouped with dots or commas', () => {
    expect(parseRupiahInput('150000')).toBe('150000');
    expect(parseRupiahInput('150.000')).toBe('150000');
    expect(parseRupiahInput('1,250,000')).toBe('1250000');
    expect(parseRupiahInput(' Rp 150.000 ')).toBe('150000');
    expect(parseRupiahInput('Rp.2.000')).toBe('2000');
  });

  it('refuses decimals, mixed separators and words', () => {
    expect(parseRupiahInput('1.50')).toBeNull();
    expect(parseRupiahInput('1.000,50')).toBeNull();
    expect(parseRupiahInput('1.000,000')).toBeNull();
    expect(parseRupiahInput('-5000')).toBeNull();
    expect(parseRupiahInput('lima ribu')).toBeNull();
    expect(parseRupiahInput('')).toBeNull();
  });
});

describe('parseLineAmount', () => {
  it('accepts a positive whole amount up to the ledger maximum', () => {
    expect(parseLineAmount('1')).toBe(1n);
    expect(parseLineAmount('1.000.000.000.000.000')).toBe(maxLineAmount);
  });

  it('refuses zero and amounts above the maximum', () => {
    expect(parseLineAmount('0')).toBeNull();
    expect(parseLineAmount('000')).toBeNull();
    expect(parseLineAmount('1000000000000001')).toBeNull();
  });
});

describe('sumRupiah', () => {
  it('adds exactly beyond 2^53', () => {
    expect(sumRupiah(['9007199254740993', '1'])).toBe('9007199254740994');
    expect(sumRupiah(['-150000', '150000'])).toBe('0');
    expect(sumRupiah([])).toBe('0');
  });

  it('refuses a value that is not a rupiah string', () => {
    expect(() => sumRupiah(['1.5'])).toThrow(RangeError);
    expect(isRupiahString('1e3')).toBe(false);
  });
});
