// Percentiles for the benchmark and the load test, read the same way in both tables.

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Milliseconds as the tables print them: two decimals below 10, one above. */
export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1))
