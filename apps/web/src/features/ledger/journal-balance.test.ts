import { describe, expect, it } from 'vitest';
import { checkManualJournal, type DraftLine } from './journal-balance';

const kas = 'account-kas';
const hibah = 'account-hibah';

function line(side: DraftLine['side'], amount: string, accountId = side === 'debit' ? kas : hibah) {
  return { accountId, side, amount };
}

describe('checkManualJournal', () => {
  it('accepts a balanced journal and gives the API canonical amounts', () => {
    const check = checkManualJournal([line('debit', '150.000'), line('credit', '150000')]);
    expect(check.isBalanced).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.debitTotal).toBe('150000');
    expect(check.creditTotal).toBe('150000');
    expect(check.lines).toEqual([
      { accountId: kas, side: 'debit', amount: '150000' },
      { accountId: hibah, side: 'credit', amount: '150000' },
    ]);
  });

  it('reports the difference when debits and credits differ', () => {
    const check = checkManualJournal([line('debit', '150.000'), line('credit', '100.000')]);
    expect(check.isBalanced).toBe(false);
    expect(check.difference).toBe('50000');
    expect(check.problems).toEqual([{ kind: 'not_balanced', difference: '50000' }]);
  });

  it('sums with BigInt, so totals past 2^53 stay exact', () => {
    // Ten lines of the maximum (10^15) make 10^16, past 2^53 (about 9.007 * 10^15).
    const maxLines = Array.from({ length: 10 }, () => '1000000000000000');
    const check = checkManualJournal([
      ...maxLines.map((amount) => line('debit', amount)),
      line('debit', '1'),
      ...maxLines.map((amount) => line('credit', amount)),
      line('credit', '1'),
    ]);
    expect(check.debitTotal).toBe('10000000000000001');
    expect(check.creditTotal).toBe('10000000000000001');
    expect(check.isBalanced).toBe(true);
  });

  it('notices a one-rupiah difference past 2^53 that floats would hide', () => {
    const maxLines = Array.from({ length: 10 }, () => '1000000000000000');
    // As JS numbers 10^16 + 1 === 10^16, so a float check would call this balanced.
    expect(1e16 + 1 === 1e16).toBe(true);
    const check = checkManualJournal([
      ...maxLines.map((amount) => line('debit', amount)),
      line('debit', '1'),
      ...maxLines.map((amount) => line('credit', amount)),
    ]);
    expect(check.isBalanced).toBe(false);
    expect(check.difference).toBe('1');
    expect(check.problems).toEqual([{ kind: 'not_balanced', difference: '1' }]);
  });

  it('names the lines with a missing account or an unreadable amount', () => {
    const check = checkManualJournal([
      line('debit', '1,5'),
      line('credit', '0', ''),
      line('credit', '2000'),
    ]);
    expect(check.problems).toContainEqual({ kind: 'account_missing', lineNumbers: [2] });
    expect(check.problems).toContainEqual({ kind: 'amount_invalid', lineNumbers: [1, 2] });
    expect(check.isBalanced).toBe(false);
  });

  it('refuses fewer than two lines and journals on one side only', () => {
    expect(checkManualJournal([line('debit', '1000')]).problems).toContainEqual({
      kind: 'too_few_lines',
    });
    expect(
      checkManualJournal([line('debit', '1000'), line('debit', '1000')]).problems,
    ).toContainEqual({ kind: 'one_sided' });
  });

  it('does not call an empty journal balanced', () => {
    const check = checkManualJournal([line('debit', ''), line('credit', '')]);
    expect(check.difference).toBe('0');
    expect(check.isBalanced).toBe(false);
  });
});
