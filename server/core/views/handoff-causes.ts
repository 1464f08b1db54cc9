import { type Cause, causes, type HandoffCauses } from '../../../shared/causes.ts';
import type { LedgerContext } from '../context.ts';
import type { ProjectedEvent } from './projection.ts';
import { inBuckets, type Resolved } from './range.ts';
import { add } from './upsert.ts';

/**
 * A cause noted for an ask's step (ask-causes.ts), counted for its hand-off pair in the step's own period: the
 * event carries the pair and the step's time, so a replay counts it in the same buckets. (Asks to a person have
 * no pair: ask-causes.ts takes no cause for them.)
 */
export function causeNoted(ctx: LedgerContext, e: ProjectedEvent): void {
  const { cause, fromDepartmentId: from, toDepartmentId: to, stepAt } = e.data;
  if (typeof to !== 'string' || typeof from !== 'string' || typeof cause !== 'string') return;
  const at = new Date(typeof stepAt === 'string' ? stepAt : e.at);
  add(ctx, 'v_handoff_causes', { from_department_id: from, to_department_id: to, cause }, { n: 1 }, at);
}

/** Each pair's causes in a period (one bucket, or a range's tiles in one JSON array), most first. */
export function handoffCauses(ctx: LedgerContext, r: Resolved, departmentId?: string): HandoffCauses[] {
  const { where, params } = inBuckets(r);
  const pairs = new Map<string, HandoffCauses>();
  for (const row of ctx.sql.all<{ from: string; to: string; cause: Cause; n: number }>(
    `SELECT t.from_department_id AS "from", t.to_department_id AS "to", t.cause, SUM(t.n) AS n
     FROM v_handoff_causes t WHERE ${where} GROUP BY t.from_department_id, t.to_department_id, t.cause`,
    ...params,
  )) {
    if (departmentId && row.from !== departmentId && row.to !== departmentId) continue;
    if (!causes.includes(row.cause)) continue;
    const key = `${row.from} ${row.to}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { from: row.from, to: row.to, counts: {} as HandoffCauses['counts'], total: 0 };
      pairs.set(key, pair);
    }
    pair.counts[row.cause] = row.n;
    pair.total += row.n;
  }
  return [...pairs.values()].sort(
    (a, b) => b.total - a.total || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}
