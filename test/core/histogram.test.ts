import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCounts,
  binOf,
  binValue,
  type Counts,
  locate,
  partSize,
  parts,
  placeOf,
  valueIn,
} from '../../server/core/views/histogram.ts';
import { nearestRank, within1 } from '../support/nearest-rank.ts';

const DAY = 86_400_000;

/** The views' answer, from a two-level histogram of `durations` counted the way v_duration_bins counts them. */
function estimate(durations: number[], q: number): number | null {
  const partCounts: Counts = new Array(parts).fill(0);
  const fine = new Map<number, Counts>();
  for (const ms of durations) {
    const { part, slot } = placeOf(binOf(ms));
    partCounts[part]++;
    const row = fine.get(part) ?? new Array(partSize).fill(0);
    row[slot]++;
    fine.set(part, row);
  }
  const at = locate(partCounts, q);
  return at && valueIn(at.part, fine.get(at.part) ?? [], at.rank);
}

// Whole milliseconds from under a second to three months, spread evenly on a log scale.
const duration = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.double({ min: 0, max: Math.log(90 * DAY), noNaN: true }).map((x) => Math.round(Math.exp(x))),
);
const sized = (n: number) => fc.array(duration, { minLength: n, maxLength: n });

describe('duration histograms', () => {
  it('answer every duration up to two years within 1%, and under 256 ms exactly', () => {
    for (let ms = 0; ms < 2_000_000; ms++) {
      const got = binValue(binOf(ms));
      if (Math.abs(got - ms) > 0.01 * ms) expect.fail(`${ms} ms answered as ${got}`);
      if (ms < 256) expect(got).toBe(ms);
    }
    for (let ms = 2_000_000; ms < 2 * 365 * DAY; ms = Math.ceil(ms * 1.0007)) {
      for (const x of [ms, ms + 1]) expect(Math.abs(binValue(binOf(x)) - x), `${x} ms`).toBeLessThanOrEqual(0.01 * x);
    }
  });

  it('give medians and p90s within 1% of the exact nearest-rank value, for 1, 2, 5 … 10,000 durations', () => {
    const sets = fc.oneof(fc.constantFrom(1, 2, 5, 10_000).chain(sized), fc.integer({ min: 1, max: 300 }).chain(sized));
    fc.assert(
      fc.property(sets, fc.constantFrom(0.5, 0.9), (durations, q) => {
        const want = nearestRank(durations, q);
        const got = estimate(durations, q);
        return within1(got, want);
      }),
      { numRuns: 400, seed: 13 },
    );
    // Any quantile, not only the two the page shows.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }).chain(sized), fc.double({ min: 0, max: 1, noNaN: true }), (d, q) =>
        within1(estimate(d, q), nearestRank(d, q)),
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('merge over buckets by adding counts, and answer nothing when empty', () => {
    const a = [3, 1, 0, 2];
    expect(addCounts([...a], [1, 1, 1, 1])).toEqual([4, 2, 1, 3]);
    expect(locate(new Array(parts).fill(0), 0.5)).toBeNull();
    expect(locate(undefined, 0.5)).toBeNull();
    expect(estimate([0], 0.9)).toBe(0);
    expect(estimate([7 * 3_600_000 + 48 * 60_000], 0.5)).not.toBe(estimate([7 * 3_600_000 + 52 * 60_000], 0.5));
  });
});
