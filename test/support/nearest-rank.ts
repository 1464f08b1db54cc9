/**
 * The exact percentile, as the views define it (nearest rank): the ceil(q·n)-th smallest of n
 * durations (the smallest for q = 0), or undefined when there are none.
 */
export function nearestRank(durations: number[], q: number): number | undefined {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

/** Whether a view's answer is within 1% of the exact value (and null exactly when there is none). */
export const within1 = (got: number | null, want: number | undefined) =>
  want === undefined ? got === null : got !== null && Math.abs(got - want) <= 0.01 * want;
