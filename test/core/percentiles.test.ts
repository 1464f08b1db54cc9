import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import { createOrgLedger } from '../../server/core/ledger.ts';
import type { SqlPort } from '../../server/core/sql.ts';
import { bucketOf } from '../../server/core/views/buckets.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { mulberry32 } from '../../server/setup/random.ts';
import { undoQuarterDays } from '../support/before-quarters.ts';
import { undoValues } from '../support/before-values.ts';
import { nearestRank, within1 } from '../support/nearest-rank.ts';

const DAY = 86_400_000;
const ORG = '*';

/** One measured duration, read back from the event log: the exact values the views must match. */
interface Timing {
  metric: 'fr' | 'res';
  department: string;
  from: string;
  at: string;
  ms: number;
}

/**
 * Four departments working round the clock (so durations run from seconds to weeks), asks from people
 * in them and from one in none, each answered then resolved after a random time: log-uniform from one
 * second to 45 days. Commands run in time order on a clock the test moves.
 */
function serviceDesk(port: SqlPort, asks: number, seed: number) {
  let now = new Date('2026-03-02T00:00:00Z');
  const ledger = createOrgLedger(port, { now: () => now });
  ledger.init({ id: 'pctl', name: 'Percentiles' });
  const hours = { timeZone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' };
  const standard = { firstResponseHours: 8, resolutionHours: 40 };
  const departments = ['Payroll', 'IT', 'Legal', 'Sales'].map(
    (name) => ledger.addDepartment({ name, offers: [], standard, hours }).id,
  );
  let n = 0;
  const person = (departmentIds: string[], role: Principal['role'] = 'member'): Principal => ({
    orgId: 'pctl',
    role,
    personId: ledger.addPerson({ name: `P${n}`, email: `p${n++}@x.example`, title: '', role, departmentIds }).id,
  });
  const servers = departments.map((d) => person([d]));
  const requesters = [...departments.map((d) => person([d])), person([])];
  const manager = person([], 'manager');
  const admin = person([], 'admin');
  const rand = mulberry32(seed);
  const start = now.getTime();
  const steps: { at: number; order: number; run: () => void }[] = [];
  for (let i = 0; i < asks; i++) {
    const created = start + i * 20 * 60_000;
    const d = Math.floor(rand() * departments.length);
    const by = requesters[Math.floor(rand() * requesters.length)];
    const res = Math.round(Math.exp(Math.log(1_000) + rand() * Math.log(45 * 86_400)));
    const fr = Math.round(res * rand());
    let id = '';
    steps.push({
      at: created,
      order: 0,
      run: () => {
        const to = { kind: 'department' as const, id: departments[d] };
        const input = { to, subject: `Ask ${i}`, details: '', importance: 'normal' as const, allowDuplicate: true };
        const { result } = ledger.createAsk(by, input, `ask-${i}`);
        if ('duplicateOf' in result) throw new Error('duplicate');
        id = result.id;
      },
    });
    steps.push({
      at: created + fr,
      order: 1,
      run: () => ledger.transitionAsk(servers[d], id, { status: 'acknowledged' }),
    });
    steps.push({
      at: created + res,
      order: 2,
      run: () => ledger.transitionAsk(servers[d], id, { status: 'resolved' }),
    });
  }
  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    now = new Date(step.at);
    step.run();
  }
  const timings = () => {
    const askTo = new Map<string, { department: string; from: string }>();
    const out: Timing[] = [];
    for (let after = 0, more = true; more; ) {
      const page = ledger.events(admin, { after, limit: 500 });
      for (const e of page.events) {
        const data = e.data as Record<string, unknown>;
        if (e.type === 'ask.created' && e.subjectId) {
          const to = data.to as { id: string };
          askTo.set(e.subjectId, { department: to.id, from: String(data.fromDepartmentId ?? '') });
        }
        const ask = e.subjectId ? askTo.get(e.subjectId) : undefined;
        if (!ask) continue;
        if (typeof data.firstResponseMs === 'number')
          out.push({ metric: 'fr', ...ask, at: e.at, ms: data.firstResponseMs });
        if (typeof data.resolutionMs === 'number') out.push({ metric: 'res', ...ask, at: e.at, ms: data.resolutionMs });
      }
      after = page.last;
      more = page.more;
    }
    return out;
  };
  return { ledger, manager, departments, timings };
}

/** The exact nearest-rank q-quantile of the timings that pass `keep`. */
const exact = (timings: Timing[], keep: (t: Timing) => boolean, q: number) =>
  nearestRank(
    timings.filter(keep).map((t) => t.ms),
    q,
  );

describe('medians and p90s on the managers’ page', () => {
  const desk = serviceDesk(sqlitePort(':memory:'), 600, 5);
  const timings = desk.timings();
  const { ledger, manager, departments } = desk;
  const misses: string[] = [];
  let checked = 0;
  const check = (label: string, got: number | null, want: number | undefined) => {
    if (want !== undefined) checked++;
    if (!within1(got, want)) misses.push(`${label}: ${got} for ${want}`);
  };

  it('are within 1% of the exact values, per department and for the organisation, in any period', () => {
    expect(timings.filter((t) => t.ms < 60_000).length).toBeGreaterThan(20);
    expect(timings.filter((t) => t.ms > 7 * DAY).length).toBeGreaterThan(20);
    const periods = [
      { q: { period: 'all' } as const, keep: () => true },
      { q: { period: 'month', at: '2026-03-20' } as const, keep: (t: Timing) => t.at.startsWith('2026-03') },
      { q: { period: 'week', at: '2026-03-05' } as const, keep: (t: Timing) => t.at.slice(0, 10) <= '2026-03-08' },
      {
        q: { period: 'custom', from: '2026-03-04', to: '2026-04-09' } as const,
        keep: (t: Timing) => t.at.slice(0, 10) >= '2026-03-04' && t.at.slice(0, 10) <= '2026-04-09',
      },
    ];
    for (const { q, keep } of periods) {
      const s = ledger.service(manager, q);
      for (const row of [s.organisation, ...s.departments]) {
        const mine = (t: Timing) => keep(t) && (row.id === ORG || t.department === row.id);
        for (const [metric, d] of [
          ['fr', row.firstResponse],
          ['res', row.resolution],
        ] as const) {
          const of = (t: Timing) => mine(t) && t.metric === metric;
          check(`${q.period} ${row.name} ${metric} median`, d.medianMs, exact(timings, of, 0.5));
          check(`${q.period} ${row.name} ${metric} p90`, d.p90Ms, exact(timings, of, 0.9));
        }
      }
    }
    expect(misses).toEqual([]);
    expect(checked).toBe(80); // four periods, five rows, two metrics, two percentiles: none empty
  });

  it('are within 1% on the hand-off map, in the trends and in the digest', () => {
    checked = 0;
    // Standard periods read each pair's median as kept at its last resolution; a custom range merges.
    const periods = [
      { q: { period: 'all' } as const, keep: () => true },
      { q: { period: 'quarter', at: '2026-03-20' } as const, keep: (t: Timing) => t.at < '2026-04' },
      { q: { period: 'month', at: '2026-04-02' } as const, keep: (t: Timing) => t.at.startsWith('2026-04') },
      {
        q: { period: 'week', at: '2026-03-12' } as const,
        keep: (t: Timing) => bucketOf('week', new Date(t.at)) === '2026-W11',
      },
      {
        q: { period: 'custom', from: '2026-03-04', to: '2026-04-09' } as const,
        keep: (t: Timing) => t.at.slice(0, 10) >= '2026-03-04' && t.at.slice(0, 10) <= '2026-04-09',
      },
    ];
    for (const { q, keep: inRange } of periods) {
      const map = ledger.handoffs(manager, q);
      expect(map.cells.length).toBeGreaterThan(10);
      for (const c of map.cells) {
        const pair = (t: Timing) => inRange(t) && t.metric === 'res' && t.from === c.from && t.department === c.to;
        check(`hand-offs ${q.period} ${c.from}→${c.to}`, c.medianMs, exact(timings, pair, 0.5));
      }
    }
    for (const department of [undefined, departments[1]]) {
      const trend = ledger.trends(manager, { weeks: 12, at: '2026-05-01', departmentId: department });
      for (const w of trend.weeks) {
        const inWeek = (t: Timing) =>
          t.metric === 'res' &&
          (!department || t.department === department) &&
          bucketOf('week', new Date(t.at)) === w.week;
        check(`trend ${w.week} ${department ?? 'all'}`, w.resolutionMedianMs, exact(timings, inWeek, 0.5));
      }
    }
    const digest = ledger.digest(manager, { at: '2026-03-18' });
    const names = new Map(ledger.service(manager, { period: 'all' }).departments.map((d) => [d.name, d.id]));
    for (const d of digest.departments) {
      const inWeek = (t: Timing) =>
        t.metric === 'res' && t.department === names.get(d.name) && bucketOf('week', new Date(t.at)) === digest.week;
      check(`digest ${digest.week} ${d.name}`, d.resolutionMedianMs, exact(timings, inWeek, 0.5));
    }
    expect(misses).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('in the digest are the service page’s for the same week, though the digest reads only what it shows', () => {
    for (const at of ['2026-03-09', '2026-03-18', '2026-03-25']) {
      const digest = ledger.digest(manager, { at });
      const page = ledger.service(manager, { period: 'week', at: digest.from });
      expect(page.range.label).toBe(digest.week);
      expect(digest.departments).toEqual(
        page.departments.map((d) => ({
          name: d.name,
          received: d.received,
          resolved: d.resolved,
          withinStandard: d.resolution.withinStandard,
          resolutionMedianMs: d.resolution.medianMs,
          backlog: d.backlog,
          overdue: d.overdue,
          rating: d.ratings.overall,
        })),
      );
      expect(digest.totals).toMatchObject({
        asksReceived: page.organisation.received,
        asksResolved: page.organisation.resolved,
        withinStandard: page.organisation.resolution.withinStandard,
      });
      expect(digest.departments.filter((d) => d.resolutionMedianMs !== null).length).toBeGreaterThan(2);
    }
  });

  it('come back the same after a ledger from before fine bins replays its log (migration 13)', () => {
    const port = sqlitePort(':memory:');
    const old = serviceDesk(port, 150, 9);
    const before = { service: old.ledger.service(old.manager, { period: 'all' }), views: old.ledger.viewsSnapshot() };
    // The shape of version 12: histograms in ×1.1 bins (empty here), hand-offs with their ×2 bins.
    port.exec('DROP TABLE v_duration_bins');
    port.exec(`CREATE TABLE v_histograms (grain TEXT NOT NULL, bucket TEXT NOT NULL, department_id TEXT NOT NULL,
      metric TEXT NOT NULL, bins TEXT NOT NULL, PRIMARY KEY (grain, bucket, department_id, metric)) WITHOUT ROWID`);
    port.exec('ALTER TABLE v_handoffs DROP COLUMN median_ms');
    port.exec("ALTER TABLE v_handoffs ADD COLUMN bins TEXT NOT NULL DEFAULT '[]'");
    undoQuarterDays(port);
    undoValues(port);
    port.run('DELETE FROM schema_migrations WHERE version >= 13');
    const reopened = createOrgLedger(port);
    expect(reopened.viewsSnapshot()).toEqual(before.views);
    expect(reopened.service(old.manager, { period: 'all' })).toEqual(before.service);
    expect(before.service.organisation.resolution.medianMs).not.toBeNull();
  });

  it('come back the same on the hand-off map after a ledger from before kept medians replays its log (migration 14)', () => {
    const port = sqlitePort(':memory:');
    const old = serviceDesk(port, 150, 11);
    const before = old.ledger.handoffs(old.manager, { period: 'all' });
    port.exec('ALTER TABLE v_handoffs DROP COLUMN median_ms');
    undoQuarterDays(port);
    undoValues(port);
    port.run('DELETE FROM schema_migrations WHERE version >= 14');
    const reopened = createOrgLedger(port);
    expect(reopened.handoffs(old.manager, { period: 'all' })).toEqual(before);
    expect(before.cells.filter((c) => c.medianMs !== null).length).toBeGreaterThan(10);
  });
});
