import type { Importance } from '../../../shared/asks.ts';
import type { InsightsQuery, Service, ServiceRow } from '../../../shared/leaderboard.ts';
import type { LedgerContext, Principal } from '../context.ts';
import { jsonList } from '../sql.ts';
import { durationQuantiles } from './durations.ts';
import { overdueNow } from './overdue.ts';
import { ORG } from './projection.ts';
import { inBuckets, resolveRange } from './range.ts';
import { requireManager } from './recognition.ts';

interface Counters {
  id: string;
  received: number;
  resolved: number;
  declined: number;
  reopened: number;
  first_responses: number;
  fr_within: number;
  res_within: number;
  forwarded_out: number;
  bounces: number;
  needed_met: number;
  needed_missed: number;
  rated: number;
  overall_sum: number;
  communication_sum: number;
  communication_n: number;
  responsiveness_sum: number;
  responsiveness_n: number;
  quality_sum: number;
  quality_n: number;
}

const counterColumns = [
  'received',
  'resolved',
  'declined',
  'reopened',
  'first_responses',
  'fr_within',
  'res_within',
  'forwarded_out',
  'bounces',
  'needed_met',
  'needed_missed',
  'rated',
  'overall_sum',
  'communication_sum',
  'communication_n',
  'responsiveness_sum',
  'responsiveness_n',
  'quality_sum',
  'quality_n',
] as const;

const order: Importance[] = ['low', 'normal', 'high', 'urgent'];
const avg = (sum: number, n: number) => (n ? Math.round((sum / n) * 100) / 100 : null);
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** What a caller reads of the service page: the digest shows only resolution medians, and no importance. */
export interface ServiceScope {
  metrics: ('fr' | 'res')[];
  quantiles: [0.5] | [0.5, 0.9];
  byImportance: boolean;
}
const everything: ServiceScope = { metrics: ['fr', 'res'], quantiles: [0.5, 0.9], byImportance: true };

/**
 * Service insights per department and for the whole organisation, over a period. Outside `scope`,
 * quantiles are null and byImportance is empty: the rest is computed as for the page, so it is the same.
 */
export function service(ctx: LedgerContext, who: Principal, q: InsightsQuery, scope = everything): Service {
  requireManager(who);
  const r = resolveRange(q, ctx.now());
  const { where, params } = inBuckets(r);
  const counters = new Map(
    ctx.sql
      .all<Counters>(
        `SELECT t.department_id AS id, ${counterColumns.map((c) => `SUM(t.${c}) AS ${c}`).join(', ')}
         FROM v_service t WHERE ${where} GROUP BY t.department_id`,
        ...params,
      )
      .map((c) => [c.id, c]),
  );
  // Medians and p90s of first response and resolution, per department, over the period's buckets.
  const times = durationQuantiles(
    ctx,
    r.buckets,
    {
      where: `t.from_department_id = ? AND t.metric IN (SELECT value FROM json_each(?))`,
      params: [ORG, jsonList(scope.metrics)],
    },
    (h) => `${h.department} ${h.metric}`,
    scope.quantiles,
  );
  const importance = new Map<string, ServiceRow['byImportance']>();
  const byImportance = scope.byImportance
    ? ctx.sql.all<{ id: string; importance: Importance; rated: number; overall_sum: number }>(
        `SELECT t.department_id AS id, t.importance, SUM(t.rated) AS rated, SUM(t.overall_sum) AS overall_sum
         FROM v_service_importance t WHERE ${where} GROUP BY t.department_id, t.importance`,
        ...params,
      )
    : [];
  for (const i of byImportance) {
    const list = importance.get(i.id) ?? [];
    list.push({ importance: i.importance, rated: i.rated, overall: avg(i.overall_sum, i.rated) ?? 0 });
    importance.set(i.id, list);
  }
  const backlog = new Map(
    ctx.sql
      .all<{ id: string; open: number }>('SELECT department_id AS id, open FROM v_backlog')
      .map((b) => [b.id, b.open]),
  );
  const overdue = overdueNow(ctx);
  const departments = ctx.sql.all<{ id: string; name: string; fr: number; res: number }>(
    `SELECT id, name, first_response_hours AS fr, resolution_hours AS res FROM departments
     ${q.departmentId ? 'WHERE id = ?' : ''} ORDER BY name`,
    ...(q.departmentId ? [q.departmentId] : []),
  );
  const row = (id: string, name: string, standard: ServiceRow['standard']): ServiceRow => {
    const c = counters.get(id);
    const n = (k: (typeof counterColumns)[number]) => c?.[k] ?? 0;
    const duration = (metric: string, count: number, within: number) => {
      const [medianMs = null, p90Ms = null] = times.get(`${id} ${metric}`) ?? [];
      return { medianMs, p90Ms, withinStandard: share(within, count), count };
    };
    const sumOver = (m: Map<string, number>) =>
      id === ORG ? [...m.values()].reduce((a, b) => a + b, 0) : (m.get(id) ?? 0);
    return {
      id,
      name,
      standard,
      received: n('received'),
      resolved: n('resolved'),
      declined: n('declined'),
      reopened: n('reopened'),
      backlog: sumOver(backlog),
      overdue: sumOver(overdue),
      firstResponse: duration('fr', n('first_responses'), n('fr_within')),
      resolution: duration('res', n('resolved'), n('res_within')),
      ratings: {
        count: n('rated'),
        overall: avg(n('overall_sum'), n('rated')),
        communication: avg(n('communication_sum'), n('communication_n')),
        responsiveness: avg(n('responsiveness_sum'), n('responsiveness_n')),
        quality: avg(n('quality_sum'), n('quality_n')),
      },
      neededBy: { met: n('needed_met'), missed: n('needed_missed') },
      byImportance: (importance.get(id) ?? []).sort(
        (a, b) => order.indexOf(a.importance) - order.indexOf(b.importance),
      ),
      forwardedOut: n('forwarded_out'),
      bounces: n('bounces'),
    };
  };
  return {
    range: r.range,
    organisation: row(ORG, 'Organisation', null),
    departments: departments.map((d) => row(d.id, d.name, { firstResponseHours: d.fr, resolutionHours: d.res })),
  };
}
