/*
 * Durations (whole milliseconds) as two-level histograms: a period's median and p90 come out within 1%
 * of the exact value, and reading them costs the same however many asks the period holds.
 *
 * Fine bins: one per millisecond under 256 ms (exact), then geometric, each 1.5% wider than the one
 * before, up to about two and a half years (longer durations count in the last bin). A bin answers with
 * 2·lo·hi/(lo+hi), the point as far from both ends relatively: at most (g−1)/(g+1) = 0.75% from any
 * duration in it, plus half a millisecond of rounding (0.2% at 256 ms), so under 1%.
 *
 * Fine bins group into parts of 32. A histogram is stored as one row of counts per part (49 of them)
 * and, for each part in use, one row of its 32 fine counts: a quantile reads the part counts, finds
 * the part holding its rank and reads that part's row. Small fixed-length rows, whatever the volume.
 */
const LINEAR = 256;
const GROWTH = 1.015;
export const partSize = 32;
export const parts = 49;
const fineBins = partSize * parts;

export type Counts = number[];

/** The fine bin of a duration. */
export function binOf(ms: number): number {
  if (!(ms > 0)) return 0;
  if (ms < LINEAR) return Math.floor(ms);
  return Math.min(fineBins - 1, LINEAR + Math.floor(Math.log(ms / LINEAR) / Math.log(GROWTH)));
}

/** What a fine bin answers: its own millisecond, or the point relatively nearest both its ends. */
export function binValue(bin: number): number {
  if (bin < LINEAR) return bin;
  const lo = LINEAR * GROWTH ** (bin - LINEAR);
  return Math.round((2 * lo * GROWTH) / (1 + GROWTH));
}

/** Adds `counts` into `into`, bin by bin (merging a histogram's buckets). */
export function addCounts(into: Counts, counts: Counts): Counts {
  for (let i = 0; i < counts.length; i++) into[i] = (into[i] ?? 0) + counts[i];
  return into;
}

/** The index holding the `rank`-th smallest (1-based) in counts, and the rank within it. */
function find(counts: Counts, rank: number): { index: number; rank: number } | null {
  let seen = 0;
  for (let index = 0; index < counts.length; index++) {
    if (seen + counts[index] >= rank) return { index, rank: rank - seen };
    seen += counts[index];
  }
  return null;
}

/**
 * Where a histogram's q-quantile (0..1) lies, from its part counts: the part and the rank within it.
 * Nearest rank: the ceil(q·n)-th smallest of n durations (the first for q = 0). Null when empty.
 */
export function locate(partCounts: Counts | undefined, q: number): { part: number; rank: number } | null {
  if (!partCounts) return null;
  let total = 0;
  for (const n of partCounts) total += n;
  if (total === 0) return null;
  const at = find(partCounts, Math.max(1, Math.ceil(q * total)));
  return at && { part: at.index, rank: at.rank };
}

/** The duration of the `rank`-th smallest in a part, from that part's fine counts. */
export function valueIn(part: number, fine: Counts, rank: number): number | null {
  const at = find(fine, rank);
  return at && binValue(part * partSize + at.index);
}

/** Where a fine bin is stored: its part, and its place in the part's row. */
export const placeOf = (bin: number) => ({ part: Math.floor(bin / partSize), slot: bin % partSize });

/** An empty row of `length` counts, as SQLite's json functions write it. */
export const emptyRow = (length: number) => JSON.stringify(new Array(length).fill(0));
