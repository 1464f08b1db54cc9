/*
 * Durations as log-scale histograms, so medians and p90s over any bucket cost the same at any volume.
 * Bin 0 holds under a minute; bin k ≥ 1 holds [1 min × 1.1^(k-1), 1 min × 1.1^k): within 5% of the
 * true value, up to about two years (bin 150). A histogram is stored as a fixed-length JSON array of
 * counts, one row per department, metric and bucket: reading one costs the same however full it is.
 */
const BASE = 60_000;
const GROWTH = 1.1;
export const maxBin = 150;
/** The hand-off map's coarse bins: seven fine bins each (about ×2, within 40%). */
export const maxCoarseBin = Math.floor(maxBin / 7);

export type Bins = number[];

export function binOf(ms: number): number {
  if (ms < BASE) return 0;
  return Math.min(maxBin, Math.floor(Math.log(ms / BASE) / Math.log(GROWTH)) + 1);
}

export const coarseBinOf = (ms: number) => Math.floor(binOf(ms) / 7);

/** A representative duration for a bin: its geometric middle. */
export function binValue(bin: number): number {
  if (bin === 0) return BASE / 2;
  return Math.round(BASE * GROWTH ** (bin - 1) * Math.sqrt(GROWTH));
}

/** An empty histogram of `length` bins. */
export const emptyBins = (length: number): Bins => new Array(length).fill(0);

/** A stored histogram (JSON array), added into `into` (or parsed, without one). */
export function mergeBins(into: Bins | null, json: string): Bins {
  const bins = JSON.parse(json) as Bins;
  if (!into) return bins;
  for (let i = 0; i < bins.length; i++) into[i] = (into[i] ?? 0) + bins[i];
  return into;
}

/** The bin holding the q-quantile (0..1), or null when empty. */
function quantileBin(bins: Bins | undefined, q: number): number | null {
  if (!bins) return null;
  let total = 0;
  for (const n of bins) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let bin = 0; bin < bins.length; bin++) {
    seen += bins[bin];
    if (seen >= rank) return bin;
  }
  return null;
}

/** The q-quantile (0..1) of a histogram, as its bin's middle. */
export function quantile(bins: Bins | undefined, q: number): number | null {
  const bin = quantileBin(bins, q);
  return bin === null ? null : binValue(bin);
}

/** The q-quantile of a coarse histogram: the middle of the coarse bin that holds it. */
export function coarseQuantile(bins: Bins | undefined, q: number): number | null {
  const bin = quantileBin(bins, q);
  return bin === null ? null : binValue(bin * 7 + 3);
}
