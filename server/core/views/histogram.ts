/*
 * Durations as log-scale histograms, so medians and p90s over any bucket cost the same at any volume.
 * Bin 0 holds under a minute; bin k ≥ 1 holds [1 min × 1.1^(k-1), 1 min × 1.1^k): within 5% of the
 * true value, up to about two years (bin 150).
 */
const BASE = 60_000;
const GROWTH = 1.1;
export const maxBin = 150;

export function binOf(ms: number): number {
  if (ms < BASE) return 0;
  return Math.min(maxBin, Math.floor(Math.log(ms / BASE) / Math.log(GROWTH)) + 1);
}

/** A representative duration for a bin: its geometric middle. */
export function binValue(bin: number): number {
  if (bin === 0) return BASE / 2;
  return Math.round(BASE * GROWTH ** (bin - 1) * Math.sqrt(GROWTH));
}

/** The bin holding the q-quantile (0..1) of a histogram given as bin → count, or null when empty. */
function quantileBin(bins: Map<number, number>, q: number): number | null {
  let total = 0;
  for (const n of bins.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  const order = Array.from(bins.keys());
  if (order.length > 1) order.sort((a, b) => a - b);
  for (const bin of order) {
    seen += bins.get(bin) ?? 0;
    if (seen >= rank) return bin;
  }
  return null;
}

/** The q-quantile (0..1) of a histogram, as its bin's middle. */
export function quantile(bins: Map<number, number>, q: number): number | null {
  const bin = quantileBin(bins, q);
  return bin === null ? null : binValue(bin);
}

/**
 * Coarse bins for the hand-off map, where there are hundreds of department pairs: seven fine bins in
 * one (about ×2, within 40%), so a pair's median costs a few rows, not dozens.
 */
export const coarseBinOf = (ms: number) => Math.floor(binOf(ms) / 7);

/** The q-quantile of a coarse histogram: the middle of the coarse bin that holds it. */
export function coarseQuantile(bins: Map<number, number>, q: number): number | null {
  const bin = quantileBin(bins, q);
  return bin === null ? null : binValue(bin * 7 + 3);
}

/** A histogram row's bins (JSON: "b<bin>": count) as a Map. */
export function parseBins(json: string): Map<number, number> {
  const bins = new Map<number, number>();
  const o = JSON.parse(json) as Record<string, number>;
  for (const key in o) bins.set(+key.slice(1), o[key]);
  return bins;
}

/** Adds a histogram row's bins (JSON: "b<bin>": count) into `into`. */
export function mergeBins(into: Map<number, number>, json: string): Map<number, number> {
  for (const [key, n] of Object.entries(JSON.parse(json) as Record<string, number>)) {
    const bin = Number(key.slice(1));
    into.set(bin, (into.get(bin) ?? 0) + n);
  }
  return into;
}
