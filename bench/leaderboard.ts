import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createOrgLedger } from '../server/core/ledger.ts';
import { sqlitePort } from '../server/node/sqlite-port.ts';
import { report } from './support/report.ts';
import { buildWorld, loadWorld, seedExchanges, type World } from './support/seed-exchanges.ts';

/*
 * bench:leaderboard — every query of the managers' page against a year of exchanges for 5,000 people
 * in 40 departments, SQLite on disk, seeded through the ledger's own commands (the views are kept as
 * in production). Measured at 10,000, 100,000 and 1,000,000 exchanges in the same run; the ratios show
 * whether a query's cost grows with the volume (precomputed views: it should stop growing once every
 * person, department and time bin has rows).
 */
const big = Number(process.env.BENCH_EXCHANGES ?? 1_000_000);
const small = 10_000;
const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const yearStart = new Date('2026-01-01T08:00:00Z');
/** Bump when the seeder or the views change, so cached files are seeded again. */
const seedVersion = 3;
const yearEnd = new Date('2026-12-31T16:00:00Z');

const queries: Record<string, (w: World) => unknown> = {
  'people-month': (w) =>
    w.ledger.leaderboard(w.manager, { period: 'month', kind: 'person', direction: 'received', limit: 20 }),
  'people-year-value': (w) =>
    w.ledger.leaderboard(w.manager, {
      period: 'year',
      kind: 'person',
      direction: 'received',
      valueId: w.values[1],
      limit: 20,
    }),
  'people-quarter-department': (w) =>
    w.ledger.leaderboard(w.manager, {
      period: 'quarter',
      kind: 'person',
      direction: 'received',
      departmentId: w.departments[3].id,
      limit: 20,
    }),
  'people-given-week': (w) =>
    w.ledger.leaderboard(w.manager, { period: 'week', kind: 'person', direction: 'given', limit: 20 }),
  'departments-quarter': (w) =>
    w.ledger.leaderboard(w.manager, { period: 'quarter', kind: 'department', direction: 'received', limit: 40 }),
  'people-custom-range': (w) =>
    w.ledger.leaderboard(w.manager, {
      period: 'custom',
      from: '2026-10-15',
      to: '2026-12-20',
      kind: 'person',
      direction: 'received',
      limit: 20,
    }),
  'unsung-month': (w) => w.ledger.unsung(w.manager, { period: 'month' }),
  'service-month': (w) => w.ledger.service(w.manager, { period: 'month' }),
  'service-year': (w) => w.ledger.service(w.manager, { period: 'year' }),
  'handoffs-quarter': (w) => w.ledger.handoffs(w.manager, { period: 'quarter' }),
  'trends-12-weeks': (w) => w.ledger.trends(w.manager, { weeks: 12 }),
  digest: (w) => w.ledger.digest(w.manager, {}),
};

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/**
 * A ledger file seeded with `exchanges`, kept under .bench-cache/ so a rerun measures without seeding
 * again (BENCH_FRESH=1 seeds anew). Seeding a million takes a quarter of an hour here.
 */
async function seeded(exchanges: number) {
  const cached = resolve('.bench-cache', `exchanges-${exchanges}-v${seedVersion}.sqlite`);
  const fresh = process.env.BENCH_FRESH === '1' || !existsSync(cached);
  const file = fresh ? `${cached}.partial` : cached;
  if (fresh) {
    mkdirSync(dirname(cached), { recursive: true });
    rmSync(file, { force: true });
  }
  const port = sqlitePort(file);
  const clock = { now: yearStart };
  const ledger = createOrgLedger(port, { now: () => clock.now });
  if (!fresh) return { port, clock, world: loadWorld(ledger, port, clock, 'bench') };
  const world = buildWorld(ledger, clock, 5_000, 'bench');
  const started = performance.now();
  await seedExchanges(world, exchanges, 364, 42, async () => {
    await new Promise((r) => setImmediate(r));
    await port.committed();
  });
  await port.committed();
  console.error(`[bench] seeded ${exchanges} exchanges in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  port.close();
  renameSync(file, cached);
  return seeded(exchanges);
}

async function measure(exchanges: number) {
  const { port, clock, world } = await seeded(exchanges);
  clock.now = yearEnd;
  // The runtime counts what fell overdue once a minute (Node's timer, the Durable Object's alarm);
  // this is that sweep, catching up on the whole seeded year at once.
  const sweepStarted = performance.now();
  const { swept } = world.ledger.sweepOverdue();
  await port.committed();
  console.error(
    `[bench] ${exchanges}: swept ${swept} overdue asks in ${(performance.now() - sweepStarted).toFixed(1)} ms`,
  );
  const times: Record<string, { p50: number; p99: number }> = {};
  for (const [name, run] of Object.entries(queries)) {
    for (let i = 0; i < 20; i++) run(world); // warm the statement cache and the page cache
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      run(world);
      samples.push(performance.now() - t);
    }
    times[name] = { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
  }
  port.close();
  return times;
}

const base = await measure(small);
// A middle size shows where the cost stops growing: bounded by people, departments and bins.
const middle = Number(process.env.BENCH_MIDDLE ?? 100_000);
const mid = middle > small && middle < big ? await measure(middle) : null;
const full = await measure(big);
let slowest = '';
let worstRatio = 0;
for (const name of Object.keys(queries)) {
  const ratio = full[name].p50 / base[name].p50;
  worstRatio = Math.max(worstRatio, ratio);
  if (!slowest || full[name].p50 > full[slowest].p50) slowest = name;
  report(`leaderboard-${name}`, 'p50_ms', full[name].p50);
  report(`leaderboard-${name}`, 'p99_ms', full[name].p99);
  report(`leaderboard-${name}`, 'ratio_1m_to_10k', ratio);
  if (mid) report(`leaderboard-${name}`, 'ratio_1m_to_100k', full[name].p50 / mid[name].p50);
}
report('leaderboard', 'p50_ms', full[slowest].p50);
report('leaderboard', 'p99_ms', full[slowest].p99);
report('leaderboard', 'ratio_1m_to_10k', worstRatio);
console.error(`[bench] slowest query at ${big}: ${slowest}`);
