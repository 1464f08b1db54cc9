import { type PulseDimension, pulseDimensions, pulseScale as scale } from '../../shared/pulses.ts';

/*
 * A department's answers in a pulse, kept as they come: for each of the eight scales, how many gave 1…7 (56
 * counts, a JSON array on its pulse_departments row, written in the answer's own transaction). Means, spreads and
 * gaps follow from the counts, so results and their history read one row per department and pulse, however many
 * answered. The counts hold no more than the results show (how many gave each number), and name nobody.
 */

/** The eight scales, in the order of their counts: each dimension's expectation, then its perception. */
export const tallyColumns = pulseDimensions.flatMap((d) => [`${d}_e`, `${d}_p`]);

/** A department's counts with nobody answered yet. */
export const emptyTally = () => tallyColumns.flatMap(() => scale.map(() => 0));

/** The counts with one more answer: `values` in the order of tallyColumns. */
export function addToTally(tally: number[], values: number[]): number[] {
  const next = tally.length === tallyColumns.length * scale.length ? [...tally] : emptyTally();
  values.forEach((v, i) => {
    next[i * scale.length + (v - 1)] += 1;
  });
  return next;
}

export interface ScaleStats {
  mean: number;
  /** Population standard deviation. */
  spread: number;
  /** How many gave 1…7 (index 0 = 1). */
  counts: number[];
}

/** Each scale's mean, spread and counts, by its column name (`communication_e`). */
export function tallyStats(tally: number[]): Record<string, ScaleStats> {
  return Object.fromEntries(
    tallyColumns.map((c, i) => {
      const counts = scale.map((v) => tally[i * scale.length + v - 1] ?? 0);
      const n = counts.reduce((a, b) => a + b, 0);
      const mean = n ? counts.reduce((a, k, j) => a + k * scale[j], 0) / n : 0;
      const square = n ? counts.reduce((a, k, j) => a + k * scale[j] * scale[j], 0) / n : 0;
      // Never below 0 from rounding.
      return [c, { mean, spread: Math.sqrt(Math.max(0, square - mean * mean)), counts }];
    }),
  );
}

/** Perception − expectation per dimension. */
export const tallyGaps = (tally: number[]): Record<PulseDimension, number> => {
  const s = tallyStats(tally);
  return Object.fromEntries(pulseDimensions.map((d) => [d, s[`${d}_p`].mean - s[`${d}_e`].mean])) as Record<
    PulseDimension,
    number
  >;
};

/** The stored array, or empty counts for a row written before tallies were kept (the migration fills those). */
export function parseTally(json: string | null | undefined): number[] {
  const parsed = json ? (JSON.parse(json) as unknown) : null;
  return Array.isArray(parsed) && parsed.length === tallyColumns.length * scale.length
    ? (parsed as number[])
    : emptyTally();
}
