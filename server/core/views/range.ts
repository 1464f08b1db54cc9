import type { Range } from '../../../shared/leaderboard.ts';
import { jsonList, type SqlValue } from '../sql.ts';
import { bucketOf, type Grain, tile } from './buckets.ts';

/** A period as the views store it: the buckets to read, and how to name it. */
export interface Resolved {
  range: Range;
  buckets: [Grain, string][];
}

/** The standard period's bucket containing `at` (default: now), or the tiles of a custom range. */
export function resolveRange(
  q: { period: Range['period']; at?: string; from?: string; to?: string },
  now: Date,
): Resolved {
  if (q.period === 'custom' && q.from && q.to) {
    return {
      range: { period: 'custom', label: `${q.from}..${q.to}`, from: q.from, to: q.to },
      buckets: tile(q.from, q.to),
    };
  }
  const grain: Grain = q.period === 'custom' ? 'month' : q.period;
  const at = q.at ? new Date(`${q.at}T12:00:00Z`) : now;
  const bucket = bucketOf(grain, at);
  return { range: { period: grain, label: bucket, from: null, to: null }, buckets: [[grain, bucket]] };
}

/**
 * The SQL condition selecting a period's buckets in a view (alias `t`), with its parameters. One
 * bucket is an equality the primary key serves directly; several are one JSON array of pairs, so a
 * range binds one value however many buckets tile it.
 */
export function inBuckets(r: Resolved, alias = 't'): { where: string; params: SqlValue[] } {
  return inBucketList(r.buckets, alias);
}

export function inBucketList(buckets: [Grain, string][], alias = 't'): { where: string; params: SqlValue[] } {
  if (buckets.length === 1) {
    return { where: `${alias}.grain = ? AND ${alias}.bucket = ?`, params: [...buckets[0]] };
  }
  return {
    where: `(${alias}.grain, ${alias}.bucket) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
    params: [jsonList(buckets)],
  };
}
