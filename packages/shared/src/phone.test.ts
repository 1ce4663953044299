import { describe, expect, it } from 'vitest';
import { formatPhoneLocal, normalizePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    '081234567890',
    '+6281234567890',
    '6281234567890',
    '81234567890',
    '0812-3456-7890',
    '(0812) 3456 7890',
  ])('normalises %s to +62', (raw) => expect(normalizePhone(raw)).toBe('+6281234567890'));
  it.each(['0211234567', '+6521234567', '0812', '08123456789012345', 'abc'])('refuses %s', (raw) =>
    expect(normalizePhone(raw)).toBeNull(),
  );
  it('formats for Indonesian eyes', () =>
    expect(formatPhoneLocal('+6281234567890')).toBe('0812-3456-7890'));
});
