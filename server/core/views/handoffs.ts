import type { Handoffs, InsightsQuery, Trends, TrendsQuery } from '../../../shared/leaderboard.ts';
import type { LedgerContext, Principal } from '../context.ts';
import { jsonList } from '../sql.ts';
import { lastWeeks, weekStart } from './buckets.ts';
import { durationQuantiles } from './durations.ts';
import { handoffCauses } from './handoff-causes.ts';
import { ORG } from './projection.ts';
import { inBuckets, resolveRange } from './range.ts';
import { requireManager } from './recognition.ts';

/** Who relies on whom: requester's department × serving department, with time, forwards, bounces and causes. */
export function handoffs(ctx: LedgerContext, who: Principal, q: InsightsQuery): Handoffs {
  requireManager(who);
  const r = resolveRange(q, ctx.now());
  const { where, params } = inBuckets(r);
  interface Cell {
    from: string;
    to: string;
    arrivals: number;
    resolved: number;
    forwards: number;
    bounces: number;
    medianMs: number | null;
  }
  // Over several buckets (a custom range), a pair's rows add up, and so do its resolution times.
  const cells = new Map<string, Cell>();
  for (const row of ctx.sql.all<Cell>(
    `SELECT t.from_department_id AS "from", t.to_department_id AS "to", t.arrivals, t.resolved, t.forwards,
       t.bounces, t.median_ms AS medianMs FROM v_handoffs t WHERE ${where}`,
    ...params,
  )) {
    const key = `${row.from} ${row.to}`;
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, row);
      continue;
    }
    cell.arrivals += row.arrivals;
    cell.resolved += row.resolved;
    cell.forwards += row.forwards;
    cell.bounces += row.bounces;
  }
  // One bucket (every standard period) holds each pair's median already; several are merged here.
  if (r.buckets.length > 1) {
    const medians = durationQuantiles(
      ctx,
      r.buckets,
      { where: "t.metric = 'res' AND t.from_department_id <> ? AND t.department_id <> ?", params: [ORG, ORG] },
      (h) => `${h.from} ${h.department}`,
      [0.5],
    );
    for (const [key, cell] of cells) cell.medianMs = medians.get(key)?.[0] ?? null;
  }
  const wanted = q.departmentId;
  return {
    range: r.range,
    departments: ctx.sql.all<{ id: string; name: string }>('SELECT id, name FROM departments ORDER BY name'),
    cells: [...cells.values()].filter((c) => !wanted || c.from === wanted || c.to === wanted),
    causes: handoffCauses(ctx, r, wanted),
  };
}

/** Week by week: thanks, asks received and resolved, median resolution and share within standard. */
export function trends(ctx: LedgerContext, who: Principal, q: TrendsQuery): Trends {
  requireManager(who);
  const at = q.at ? new Date(`${q.at}T12:00:00Z`) : ctx.now();
  const weeks = lastWeeks(at, q.weeks);
  const dept = q.departmentId ?? ORG;
  // Up to 104 weeks: one JSON array, not a value each.
  const list = 'SELECT value FROM json_each(?)';
  const weekList = jsonList(weeks);
  const thanks = new Map(
    ctx.sql
      .all<{ bucket: string; n: number }>(
        `SELECT bucket, received AS n FROM v_recognition WHERE grain = 'week' AND bucket IN (${list})
         AND kind = ? AND value_id = '' AND subject_id = ?`,
        weekList,
        q.departmentId ? 'department' : 'org',
        q.departmentId ?? '',
      )
      .map((t) => [t.bucket, t.n]),
  );
  const service = new Map(
    ctx.sql
      .all<{ bucket: string; received: number; resolved: number; res_within: number }>(
        `SELECT bucket, received, resolved, res_within FROM v_service
         WHERE grain = 'week' AND bucket IN (${list}) AND department_id = ?`,
        weekList,
        dept,
      )
      .map((s) => [s.bucket, s]),
  );
  // Each week's median on its own: grouped by bucket.
  const medians = durationQuantiles(
    ctx,
    weeks.map((w) => ['week', w]),
    { where: "t.metric = 'res' AND t.from_department_id = ? AND t.department_id = ?", params: [ORG, dept] },
    (_, bucket) => bucket,
    [0.5],
  );
  return {
    weeks: weeks.map((week) => {
      const s = service.get(week);
      return {
        week,
        start: weekStart(week).toISOString().slice(0, 10),
        thanks: thanks.get(week) ?? 0,
        received: s?.received ?? 0,
        resolved: s?.resolved ?? 0,
        resolutionMedianMs: medians.get(week)?.[0] ?? null,
        withinStandard: s?.resolved ? Math.round((s.res_within / s.resolved) * 1000) / 1000 : null,
      };
    }),
  };
}
