import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divFloor, divRoundHalfUp, formatRupiah, rupiah } from './money.js';

describe('money', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(4n, 3n)).toBe(1n);
  });
  it('floors toward negative infinity', () => {
    expect(divFloor(7n, 2n)).toBe(3n);
    expect(divFloor(-7n, 2n)).toBe(-4n);
  });
  it('allocates by largest remainder, ties to the earlier part', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(1_240_000n, [25n, 20n])).toEqual([688_889n, 551_111n]);
  });
  it('always allocates parts that sum exactly to the total', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc
          .array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 30 })
          .filter((w) => w.some((x) => x > 0n)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          parts.forEach((part, index) => {
            const exact = (total * (weights[index] ?? 0n)) / weights.reduce((a, b) => a + b, 0n);
            expect(part - exact >= 0n && part - exact <= 1n).toBe(true);
          });
        },
      ),
    );
  });
  it('refuses fractional rupiah', () => {
    expect(() => rupiah(1.5)).toThrow(RangeError);
    expect(() => rupiah('12.5')).toThrow(RangeError);
  });
  it('formats with Indonesian grouping', () =>
    expect(formatRupiah(1_240_000n)).toBe('Rp1.240.000'));
});
