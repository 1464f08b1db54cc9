import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createOrgLedger } from '../server/core/ledger.ts';
import { sqlitePort } from '../server/node/sqlite-port.ts';
import { report } from './support/report.ts';
import { buildWorld, loadWorld, seedExchanges, type World } from './support/seed-exchanges.ts';
import { type PulseUnderTest, pulseUnderTest, pulseYear } from './support/seed-pulses.ts';

/*
 * bench:leaderboard — every query of the managers' page against a year of exchanges for 5,000 people
 * in 40 departments, SQLite on disk, seeded through the ledger's own commands (the views are kept as
 * in production). Measured at 10,000, 100,000 and 1,000,000 exchanges in the same run; the ratios show
 * whether a query's cost grows with the volume (precomputed views: it should stop growing once every
 * person, department and time bin has rows, so the goal is against 100,000, when everyone is active).
 * Then the organisation's size as a dimension: 50,000 people with 500,000 exchanges. Beside the exchanges, the
 * same year of department pulses at every volume (seed-pulses.ts): their results read the pulse history, the
 * comments, the per-ask ratings of the weekly views and the previous round's changes.
 * `BENCH_EXCHANGES=10000 BENCH_MIDDLE=0` measures only the 10k phase and the 50,000 people (the "1M" phase is then
 * the 10k file again); `BENCH_BIG_ORG_EXCHANGES=0` skips the 50,000 people.
 */
const big = Number(process.env.BENCH_EXCHANGES ?? 1_000_000);
const small = 10_000;
const iterations = Number(process.env.BENCH_ITERATIONS ?? 300);
const yearStart = new Date('2026-01-01T08:00:00Z');
/**
 * Bump when the seeder or the views change, so cached files are seeded again (3: fine duration bins; 4: hand-off
 * medians kept per pair; 5: a year of pulses). A replay of an older file's log on open would give the same views,
 * but replaying 100,000 exchanges takes longer than seeding them anew.
 */
const seedVersion = 5;
const yearEnd = new Date('2026-12-31T16:00:00Z');

type BenchWorld = World & { pulse: PulseUnderTest };

const queries: Record<string, (w: BenchWorld) => unknown> = {
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
  // A closed round of 20 departments (the most a pulse asks about), with three rounds of history before it.
  'pulse-results-all': (w) => w.ledger.pulseResults(w.manager, w.pulse.id, {}),
  'pulse-results-one': (w) => w.ledger.pulseResults(w.manager, w.pulse.id, { departmentId: w.pulse.departmentId }),
  'pulses-list': (w) => w.ledger.pulses(w.manager),
};

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/**
 * A ledger file seeded with `exchanges`, kept under .bench-cache/ so a rerun measures without seeding
 * again (BENCH_FRESH=1 seeds anew). Seeding a million takes a quarter of an hour here.
 */
async function seeded(exchanges: number, people: number, reseed = process.env.BENCH_FRESH === '1') {
  const size = people === 5_000 ? '' : `-people-${people}`;
  const cached = resolve('.bench-cache', `exchanges-${exchanges}${size}-v${seedVersion}.sqlite`);
  const fresh = reseed || !existsSync(cached);
  const file = fresh ? `${cached}.partial` : cached;
  if (fresh) {
    mkdirSync(dirname(cached), { recursive: true });
    rmSync(file, { force: true });
  }
  const port = sqlitePort(file);
  const clock = { now: yearStart };
  const ledger = createOrgLedger(port, { now: () => clock.now });
  if (!fresh) {
    const loaded = loadWorld(ledger, port, clock, 'bench');
    const pulse = pulseUnderTest(port, loaded.departments);
    return { port, clock, world: { ...loaded, pulse } };
  }
  const world = buildWorld(ledger, clock, people, 'bench');
  const started = performance.now();
  const pulses = pulseYear(world, 7);
  const pause = async () => {
    await new Promise((r) => setImmediate(r));
    await port.committed();
  };
  await seedExchanges(world, exchanges, 364, 42, pause, pulses.until);
  pulses.until(Number.POSITIVE_INFINITY);
  await port.committed();
  console.error(
    `[bench] seeded ${exchanges} exchanges and ${pulses.answers()} pulse answers in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  port.close();
  renameSync(file, cached);
  // Opened again as a cached file, never seeded again (with BENCH_FRESH=1 it was, without end).
  return seeded(exchanges, people, false);
}

async function measure(exchanges: number, people = 5_000) {
  const { port, clock, world } = await seeded(exchanges, people);
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
// The organisation's size: ten times the people, half the exchanges (BENCH_BIG_ORG_EXCHANGES=0 skips it).
const bigOrgExchanges = Number(process.env.BENCH_BIG_ORG_EXCHANGES ?? 500_000);
const bigOrg = bigOrgExchanges > 0 ? await measure(bigOrgExchanges, 50_000) : null;

const slowestOf = (times: Record<string, { p50: number }>) =>
  Object.keys(times).reduce((a, b) => (times[b].p50 > times[a].p50 ? b : a));
let worstRatio = 0;
let worstMidRatio = 0;
for (const name of Object.keys(queries)) {
  const ratio = full[name].p50 / base[name].p50;
  worstRatio = Math.max(worstRatio, ratio);
  report(`leaderboard-${name}`, 'p50_ms', full[name].p50);
  report(`leaderboard-${name}`, 'p99_ms', full[name].p99);
  report(`leaderboard-${name}`, 'ratio_1m_to_10k', ratio);
  if (mid) {
    const midRatio = full[name].p50 / mid[name].p50;
    worstMidRatio = Math.max(worstMidRatio, midRatio);
    report(`leaderboard-${name}`, 'ratio_1m_to_100k', midRatio);
  }
  if (bigOrg) report(`leaderboard-50k-people-${name}`, 'p50_ms', bigOrg[name].p50);
}
const slowest = slowestOf(full);
report('leaderboard', 'p50_ms', full[slowest].p50);
report('leaderboard', 'p99_ms', full[slowest].p99);
report('leaderboard', 'ratio_1m_to_10k', worstRatio);
if (mid) report('leaderboard', 'ratio_1m_to_100k', worstMidRatio);
console.error(`[bench] slowest query at ${big}: ${slowest}`);
if (bigOrg) {
  const slowestBig = slowestOf(bigOrg);
  report('leaderboard-50k-people', 'p50_ms', bigOrg[slowestBig].p50);
  report('leaderboard-50k-people', 'p99_ms', bigOrg[slowestBig].p99);
  console.error(`[bench] slowest query for 50,000 people at ${bigOrgExchanges}: ${slowestBig}`);
}
