/** Percentiles over measured samples (nearest-rank on sorted values). */

export function percentileOfSorted(sortedValues: ArrayLike<number>, fraction: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sortedValues.length) - 1;
  const index = Math.min(sortedValues.length - 1, Math.max(0, rank));
  return sortedValues[index] ?? Number.NaN;
}

export interface LatencySummary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Summarises samples in place: sorts `samples`, which must not be used for order afterwards. */
export function summarizeLatencies(samples: Float64Array): LatencySummary {
  samples.sort();
  return {
    p50: percentileOfSorted(samples, 0.5),
    p99: percentileOfSorted(samples, 0.99),
    max: percentileOfSorted(samples, 1),
  };
}
