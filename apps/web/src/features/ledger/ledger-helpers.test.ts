import { describe, expect, it } from 'vitest';
import { formatDate, formatPeriod, isPeriod, monthOf, previousMonth, todayIso } from './dates';
import { createIdempotencyKeys } from './idempotency-key';
import { canDecideManualJournal, ledgerPermissions } from './ledger-roles';

describe('createIdempotencyKeys', () => {
  function counter() {
    let next = 0;
    return () => `key-${String(++next)}`;
  }

  it('reuses the key when the same request is retried', () => {
    const keys = createIdempotencyKeys(counter());
    const body = { businessDate: '2026-03-01', memo: 'Hibah', lines: [] };
    expect(keys.keyFor(body)).toBe('key-1');
    expect(keys.keyFor({ ...body })).toBe('key-1');
  });

  it('takes a new key when the body changes or after a success', () => {
    const keys = createIdempotencyKeys(counter());
    expect(keys.keyFor({ memo: 'a' })).toBe('key-1');
    expect(keys.keyFor({ memo: 'b' })).toBe('key-2');
    keys.reset();
    expect(keys.keyFor({ memo: 'b' })).toBe('key-3');
  });

  it('makes UUIDs the server accepts by default', () => {
    expect(createIdempotencyKeys().keyFor({})).toMatch(/^[A-Za-z0-9_.:-]{8,200}$/);
  });
});

describe('ledger permissions', () => {
  it('lets only the bendahara manage accounts', () => {
    expect(ledgerPermissions(['anggota', 'bendahara']).canManageAccounts).toBe(true);
    expect(ledgerPermissions(['anggota', 'ketua']).canManageAccounts).toBe(false);
  });

  it('lets bendahara and ketua reverse and close months, not a kasir', () => {
    expect(ledgerPermissions(['ketua']).canReverse).toBe(true);
    expect(ledgerPermissions(['bendahara']).canClosePeriod).toBe(true);
    expect(ledgerPermissions(['kasir']).canReverse).toBe(false);
    expect(ledgerPermissions(['kasir']).canClosePeriod).toBe(false);
  });

  it('keeps a plain member out of the books', () => {
    expect(ledgerPermissions(['anggota'])).toEqual({
      canRead: false,
      canManageAccounts: false,
      canReverse: false,
      canPrepareJournal: false,
      canApproveJournal: false,
      canClosePeriod: false,
    });
  });

  it('refuses the maker the checker role on their own journal', () => {
    const approver = ledgerPermissions(['bendahara']);
    const journal = { preparedBy: 'person-a', status: 'awaiting_approval' };
    expect(canDecideManualJournal(approver, journal, 'person-a')).toBe(false);
    expect(canDecideManualJournal(approver, journal, 'person-b')).toBe(true);
    expect(canDecideManualJournal(approver, { ...journal, status: 'approved' }, 'person-b')).toBe(
      false,
    );
    expect(canDecideManualJournal(ledgerPermissions(['kasir']), journal, 'person-b')).toBe(false);
  });
});

describe('dates', () => {
  it('reads today from the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('steps back a month across a year', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(monthOf('2026-03-15')).toBe('2026-03');
    expect(isPeriod('2026-13')).toBe(false);
  });

  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2026-03-01', 'id')).toMatch(/^1 Mar(et)? 2026$/);
    expect(formatDate('not a date', 'id')).toBe('not a date');
    expect(formatPeriod('2026-03', 'en')).toBe('March 2026');
  });
});
