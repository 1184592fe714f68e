/** Nearest-rank percentile of an ascending array of numbers. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Latency summary (ms) and throughput (per second) of one measured run. */
export function summarize(latenciesMs, elapsedMs, extra = {}) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    elapsedMs: round(elapsedMs),
    perSecond: round((sorted.length * 1000) / elapsedMs),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
    max: round(sorted[sorted.length - 1] ?? NaN),
    ...extra,
  };
}

export const round = (n, digits = 2) =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n;
