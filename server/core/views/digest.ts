import type { Digest } from '../../../shared/digest.ts';
import type { LedgerContext, Principal } from '../context.ts';
import { bucketOf, weekStart } from './buckets.ts';
import { leaderboard, requireManager, unsung } from './recognition.ts';
import { service } from './service.ts';

const DAY = 86_400_000;

/** The weekly digest for a manager: the last full ISO week before `at`, from the same views as the page. */
export function digest(ctx: LedgerContext, who: Principal, at?: string): Digest {
  requireManager(who);
  const ref = at ? new Date(`${at}T12:00:00Z`) : ctx.now();
  const week = bucketOf('week', new Date(ref.getTime() - 7 * DAY));
  const start = weekStart(week);
  const day = start.toISOString().slice(0, 10);
  const period = { period: 'week' as const, at: day };
  const people = leaderboard(ctx, who, { ...period, kind: 'person', direction: 'received', limit: 5 });
  const departments = leaderboard(ctx, who, { ...period, kind: 'department', direction: 'received', limit: 3 });
  // Only what the digest shows: resolution medians, no first responses, p90s or importance (a third of the reads).
  const desk = service(ctx, who, period, { metrics: ['res'], quantiles: [0.5], byImportance: false });
  const org = desk.organisation;
  const names = ctx.sql.one<{ org: string; me: string }>(
    'SELECT (SELECT name FROM org) AS org, (SELECT name FROM people WHERE id = ?) AS me',
    who.personId,
  );
  return {
    organisation: names?.org ?? '',
    manager: names?.me ?? '',
    week,
    from: day,
    to: new Date(start.getTime() + 6 * DAY).toISOString().slice(0, 10),
    totals: {
      thanks:
        ctx.sql.one<{ n: number }>(
          `SELECT received AS n FROM v_recognition WHERE grain = 'week' AND bucket = ? AND kind = 'org'
           AND value_id = '' AND subject_id = ''`,
          week,
        )?.n ?? 0,
      asksReceived: org.received,
      asksResolved: org.resolved,
      withinStandard: org.resolution.withinStandard,
      overdueNow: org.overdue,
    },
    topPeople: people.rows.map((r) => ({ name: r.name, received: r.received, distinctGivers: r.distinctGivers })),
    topDepartments: departments.rows.map((r) => ({
      name: r.name,
      received: r.received,
      perHundredServed: r.perHundredServed ?? null,
    })),
    unsung: unsung(ctx, who, period)
      .rows.slice(0, 3)
      .map(({ name, asksServed, thanks }) => ({ name, asksServed, thanks })),
    departments: desk.departments.map((d) => ({
      name: d.name,
      received: d.received,
      resolved: d.resolved,
      withinStandard: d.resolution.withinStandard,
      resolutionMedianMs: d.resolution.medianMs,
      backlog: d.backlog,
      overdue: d.overdue,
      rating: d.ratings.overall,
    })),
  };
}
