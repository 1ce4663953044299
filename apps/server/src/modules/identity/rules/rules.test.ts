import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, isLocked } from './lockout.js';
import { maskNik } from './mask-nik.js';
import { hashOneTimeCode, oneTimeCodeFrom } from './one-time-code.js';
import { isAcceptablePassword } from './password-policy.js';
import { isAcceptablePin } from './pin-policy.js';

describe('password policy', () => {
  it('accepts a long, uncommon password', () =>
    expect(isAcceptablePassword('kopi-flores-2026')).toBe(true));
  it('refuses short, common and repeated passwords', () => {
    expect(isAcceptablePassword('abc123')).toBe(false);
    expect(isAcceptablePassword('Koperasi')).toBe(false);
    expect(isAcceptablePassword('aaaaaaaaaa')).toBe(false);
  });
  it('refuses the tail of the own phone number as password', () =>
    expect(isAcceptablePassword('34567890', '+6281234567890')).toBe(false));
});

describe('transaction PIN policy', () => {
  it('accepts six mixed digits', () => expect(isAcceptablePin('260417')).toBe(true));
  it('refuses wrong length, repeats and straight runs', () => {
    for (const pin of ['12345', '1234567', '111111', '123456', '654321', '12a456']) {
      expect(isAcceptablePin(pin)).toBe(false);
    }
  });
});

describe('login lockout', () => {
  const policy = { maxFailures: 3, lockMinutes: 15 };
  const now = new Date('2026-11-27T10:00:00Z');
  it('counts failures below the limit without locking', () =>
    expect(afterFailedAttempt(1, now, policy)).toEqual({ failedCount: 2, lockedUntil: null }));
  it('locks for lockMinutes on reaching the limit and restarts the count', () => {
    const state = afterFailedAttempt(2, now, policy);
    expect(state.failedCount).toBe(0);
    expect(state.lockedUntil?.toISOString()).toBe('2026-11-27T10:15:00.000Z');
    expect(isLocked(state.lockedUntil, new Date('2026-11-27T10:14:59Z'))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date('2026-11-27T10:15:00Z'))).toBe(false);
  });
});

describe('one-time codes and masking', () => {
  it('always gives six digits', () => {
    expect(oneTimeCodeFrom(42)).toBe('000042');
    expect(oneTimeCodeFrom(4_294_967_295)).toBe('967295');
  });
  it('hashes the same code differently per row', () =>
    expect(hashOneTimeCode('a', '123456')).not.toBe(hashOneTimeCode('b', '123456')));
  it('masks all but the region and the last two digits of a NIK', () =>
    expect(maskNik('5310014507900012')).toBe('531001********12'));
});
