const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One load's runs as one: each figure the median over the runs (the machine's speed drifts within a run),
 * except `summed` ones (failures), which add up.
 */
export function mediansOf<T extends Record<string, number>>(runs: T[], summed: (keyof T)[] = []): T {
  const keys = Object.keys(runs[0] ?? {}) as (keyof T)[];
  return Object.fromEntries(
    keys.map((k) => {
      const xs = runs.map((r) => r[k]);
      return [k, summed.includes(k) ? xs.reduce((a, b) => a + b, 0) : median(xs)];
    }),
  ) as T;
}
