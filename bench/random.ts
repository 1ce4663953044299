/**
 * A small seeded generator (mulberry32), so two runs offer the same workload. Randomness is an
 * argument to the probes, never `Math.random` inside them.
 */
export interface SeededRandom {
  /** A whole number in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const nextUnit = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { nextInt: (maxExclusive) => Math.floor(nextUnit() * maxExclusive) };
}
