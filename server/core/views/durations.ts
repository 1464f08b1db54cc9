import type { LedgerContext } from '../context.ts';
import type { SqlValue } from '../sql.ts';
import { bucketsAt, type Grain } from './buckets.ts';
import { addCounts, binOf, type Counts, emptyRow, locate, partSize, parts, placeOf, valueIn } from './histogram.ts';

/*
 * The duration histograms (views/histogram.ts) in v_duration_bins: per grain's bucket and histogram,
 * a row of part counts (part -1) and a row of fine counts per part in use. A histogram is a metric
 * ('fr' first response, 'res' resolution) of asks served by a department (ORG: all of them) for
 * requesters from a department (ORG: from anyone; '' for requesters in no department).
 */
export interface Histogram {
  metric: 'fr' | 'res';
  from: string;
  department: string;
}

const emptyParts = emptyRow(parts);
/** Part rows looked up per statement: a few hundred KB of JSON at most. */
const wantedPerRead = 2_000;
const emptyPart = emptyRow(partSize);

/**
 * Counts one duration in each histogram, in every grain's bucket at `at`: one statement, its rows in
 * one JSON parameter (a Durable Object binds at most 100 values).
 */
export function addDuration(ctx: LedgerContext, histograms: Histogram[], ms: number, at: Date): void {
  const { part, slot } = placeOf(binOf(ms));
  const keys = bucketsAt(at).flatMap(([grain, bucket]) =>
    histograms.map((h) => [grain, bucket, h.from, h.metric, h.department]),
  );
  const [partPath, slotPath] = [`$[${part}]`, `$[${slot}]`];
  ctx.sql.run(
    `INSERT INTO v_duration_bins (grain, bucket, part, from_department_id, metric, department_id, bins)
     SELECT k.value ->> 0, k.value ->> 1, p.part, k.value ->> 2, k.value ->> 3, k.value ->> 4, p.bins
     FROM json_each(?) k CROSS JOIN (SELECT -1 AS part, json_set(?, ?, 1) AS bins UNION ALL SELECT ?, json_set(?, ?, 1)) p
     WHERE true
     ON CONFLICT (grain, bucket, part, from_department_id, metric, department_id) DO UPDATE
     SET bins = json_set(bins, iif(excluded.part < 0, ?, ?), json_extract(bins, iif(excluded.part < 0, ?, ?)) + 1)`,
    JSON.stringify(keys),
    emptyParts,
    partPath,
    part,
    emptyPart,
    slotPath,
    partPath,
    slotPath,
    partPath,
    slotPath,
  );
}

/**
 * The q-quantiles (nearest rank) of the histograms that `match` selects (an SQL condition on alias t),
 * each merged over the buckets that `group` puts together: group key → one value (or null) per q.
 * Two reads: the part counts of every histogram in every bucket, then only the parts holding a quantile.
 * Each returns a row per histogram (or per quantile) with its buckets' rows joined into one JSON array:
 * fewer rows to hand over, each a few KB (a Durable Object refuses a value over 2 MB).
 */
export function durationQuantiles(
  ctx: LedgerContext,
  buckets: [Grain, string][],
  match: { where: string; params: SqlValue[] },
  group: (histogram: Histogram, bucket: string) => string,
  qs: number[],
): Map<string, (number | null)[]> {
  const rows = ctx.sql.all<Histogram & { found: string }>(
    `SELECT t.metric, t.from_department_id AS "from", t.department_id AS department,
       '[' || group_concat(b.key || ',' || t.bins) || ']' AS found
     FROM json_each(?) b CROSS JOIN v_duration_bins t
     WHERE t.grain = b.value ->> 0 AND t.bucket = b.value ->> 1 AND t.part = -1 AND ${match.where}
     GROUP BY t.metric, t.from_department_id, t.department_id`,
    JSON.stringify(buckets),
    ...match.params,
  );
  type InBucket = { histogram: Histogram; at: number; counts: Counts };
  const groups = new Map<string, { total: Counts; found: InBucket[] }>();
  for (const histogram of rows) {
    const list = JSON.parse(histogram.found) as (number | Counts)[]; // bucket index, part counts, …
    for (let i = 0; i < list.length; i += 2) {
      const at = list[i] as number;
      const counts = list[i + 1] as Counts;
      const key = group(histogram, buckets[at][1]);
      let g = groups.get(key);
      if (!g) {
        g = { total: new Array<number>(parts).fill(0), found: [] };
        groups.set(key, g);
      }
      addCounts(g.total, counts);
      g.found.push({ histogram, at, counts });
    }
  }
  // Each quantile's part, then that part's row in every bucket that counted something in it.
  const spots: { part: number; fine: Counts }[] = [];
  const wanted: SqlValue[][] = [];
  const located = new Map<string, ({ spot: number; rank: number } | null)[]>();
  for (const [key, g] of groups) {
    const mine = new Map<number, number>();
    located.set(
      key,
      qs.map((q) => {
        const at = locate(g.total, q);
        if (!at) return null;
        let spot = mine.get(at.part);
        if (spot === undefined) {
          spot = spots.push({ part: at.part, fine: new Array(partSize).fill(0) }) - 1;
          mine.set(at.part, spot);
          for (const { histogram: h, at: b, counts } of g.found) {
            if (counts[at.part] > 0) wanted.push([spot, ...buckets[b], at.part, h.metric, h.from, h.department]);
          }
        }
        return { spot, rank: at.rank };
      }),
    );
  }
  // In slices, so that no parameter nears the Durable Object's 2 MB per value however many pairs.
  for (let i = 0; i < wanted.length; i += wantedPerRead) {
    for (const row of ctx.sql.all<{ spot: number; bins: string }>(
      `SELECT w.value ->> 0 AS spot, '[' || group_concat(t.bins) || ']' AS bins
       FROM json_each(?) w CROSS JOIN v_duration_bins t
       WHERE t.grain = w.value ->> 1 AND t.bucket = w.value ->> 2 AND t.part = w.value ->> 3
         AND t.metric = w.value ->> 4 AND t.from_department_id = w.value ->> 5 AND t.department_id = w.value ->> 6
       GROUP BY spot`,
      JSON.stringify(wanted.slice(i, i + wantedPerRead)),
    )) {
      for (const counts of JSON.parse(row.bins) as Counts[]) addCounts(spots[row.spot].fine, counts);
    }
  }
  const out = new Map<string, (number | null)[]>();
  for (const [key, list] of located) {
    out.set(
      key,
      list.map((at) => at && valueIn(spots[at.spot].part, spots[at.spot].fine, at.rank)),
    );
  }
  return out;
}
