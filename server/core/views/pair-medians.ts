import type { LedgerContext } from '../context.ts';
import { jsonList } from '../sql.ts';
import { bucketsAt } from './buckets.ts';
import { durationQuantiles } from './durations.ts';

/**
 * After a resolution of the pair `from` → `to` counted at `at`: its median in each grain's bucket, read
 * from the histograms just updated and stored on the pair's rows. Three statements per resolution, so
 * the map of 40 departments (1,600 pairs) never merges 1,600 histograms for a standard period.
 */
export function keepPairMedian(ctx: LedgerContext, from: string, to: string, at: Date): void {
  const medians = durationQuantiles(
    ctx,
    bucketsAt(at).map(([grain, bucket]) => [grain, bucket]),
    { where: "t.metric = 'res' AND t.from_department_id = ? AND t.department_id = ?", params: [from, to] },
    (_, bucket) => bucket,
    [0.5],
  );
  ctx.sql.run(
    `UPDATE v_handoffs SET median_ms = m.value ->> 2 FROM json_each(?) m
     WHERE grain = m.value ->> 0 AND bucket = m.value ->> 1 AND from_department_id = ? AND to_department_id = ?`,
    jsonList(bucketsAt(at).map(([grain, bucket]) => [grain, bucket, medians.get(bucket)?.[0] ?? null])),
    from,
    to,
  );
}
