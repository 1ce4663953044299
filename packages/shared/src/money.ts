/**
 * Rupiah are integers end to end: `bigint` in code, `bigint` in SQL, a decimal string on the wire.
 * Every division names its rounding; splits use largest-remainder allocation so parts sum exactly.
 */
export type Rupiah = bigint & { readonly __unit: 'rupiah' };

export function rupiah(amount: bigint | number | string): Rupiah {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError(`rupiah must be a whole number, got ${amount}`);
  }
  if (typeof amount === 'string' && !/^-?\d+$/.test(amount)) {
    throw new RangeError(`rupiah must be a decimal integer string, got "${amount}"`);
  }
  return BigInt(amount) as Rupiah;
}

/** Division rounding half away from zero (the usual "dibulatkan" of Indonesian statements). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  return negative ? -quotient : quotient;
}

/** Division rounding toward negative infinity (floor); used where residue must be kept explicit. */
export function divFloor(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const quotient = numerator / denominator;
  const hasRemainder = numerator % denominator !== 0n;
  return hasRemainder && numerator < 0n !== denominator < 0n ? quotient - 1n : quotient;
}

/**
 * Splits `total` over `weights` by the largest-remainder method: each part is floored, and the
 * leftover rupiah go one each to the largest remainders (ties to the earlier index). Parts always
 * sum exactly to `total`. Weights must be non-negative and not all zero.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('allocate needs a non-negative total');
  const weightSum = weights.reduce((sum, weight) => {
    if (weight < 0n) throw new RangeError('allocate needs non-negative weights');
    return sum + weight;
  }, 0n);
  if (weightSum === 0n) throw new RangeError('allocate needs at least one positive weight');
  const parts = weights.map((weight) => (total * weight) / weightSum);
  const remainders = weights.map((weight, index) => ({
    index,
    rest: (total * weight) % weightSum,
  }));
  let leftover = total - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}

/** "Rp1.240.000" — Indonesian grouping; negative amounts as "-Rp1.000". */
export function formatRupiah(amount: bigint, locale: 'id' | 'en' = 'id'): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString();
  const separator = locale === 'id' ? '.' : ',';
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${negative ? '-' : ''}Rp${grouped}`;
}
