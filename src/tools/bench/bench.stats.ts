/** Latency summary of one family for one target, in milliseconds. */
export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/**
 * The nearest-rank percentile `p` (0 < p <= 100) of `sorted`, which must be sorted ascending and
 * non-empty: the smallest sample with at least p% of the samples at or below it.
 */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** p50, p95, p99 and mean of latency samples (ms); undefined when there are none. */
export function summarize(samples: number[]): LatencySummary | undefined {
  if (!samples.length) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
  };
}

/**
 * Whether a target's latency has stopped falling during warm-up: the median of the `latest` window is at most
 * `tolerance` (a fraction) below that of the `previous` one. A window with fewer than `minSamples` values
 * counts as settled: the slow families cannot fill one.
 */
export function hasSettled(previous: number[] | undefined, latest: number[], tolerance = 0.05, minSamples = 5): boolean {
  if (latest.length < minSamples) return true;
  if (!previous || previous.length < minSamples) return false;
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  return median(latest) >= median(previous) * (1 - tolerance);
}
