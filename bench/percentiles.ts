import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrgLedger } from '../server/core/ledger.ts';
import { sqlitePort } from '../server/node/sqlite-port.ts';
import { mulberry32 } from '../server/setup/random.ts';
import { report } from './support/report.ts';

/*
 * bench:percentiles — what the duration histograms cost: the time per ask command (create,
 * acknowledge, resolve: each updates the histograms of every grain's bucket) through the ledger on
 * an on-disk SQLite file, one commit per ask, and the time to read the pages that show medians (CPU
 * time: the machine may be shared, and wall time then measures the neighbours).
 * Small (ASKS asks, 8 departments), a minute at most: not the seeded bench:leaderboard.
 */
const asks = Number(process.env.ASKS ?? 2_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const file = join(tmpdir(), `tandem-percentiles-${process.pid}.sqlite`);
const port = sqlitePort(file);
let now = new Date('2026-01-05T08:00:00Z');
const ledger = createOrgLedger(port, { now: () => now });
ledger.init({ id: 'pctl', name: 'Percentiles' });
const always = { timeZone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' };
const departments = Array.from({ length: 8 }, (_, i) =>
  ledger.addDepartment({
    name: `Desk ${i}`,
    offers: [],
    standard: { firstResponseHours: 4, resolutionHours: 24 },
    hours: always,
  }),
);
const person = (i: number, role: 'member' | 'manager' = 'member') => ({
  orgId: 'pctl',
  role,
  personId: ledger.addPerson({
    name: `P${i}`,
    email: `p${i}@x.example`,
    title: '',
    role,
    departmentIds: [departments[i % 8].id],
  }).id,
});
const people = Array.from({ length: 40 }, (_, i) => person(i));
const manager = person(99, 'manager');
await port.committed();

const rand = mulberry32(7);
const start = now.getTime();
const step = (365 * 86_400_000) / asks;
let commandMs = 0;
let syncMs = 0;
let cpuMs = 0;
for (let i = 0; i < asks; i++) {
  now = new Date(start + i * step);
  const from = people[Math.floor(rand() * people.length)];
  const d = departments[Math.floor(rand() * departments.length)];
  const server = people.find((p, k) => k % 8 === departments.indexOf(d) && p !== from) ?? people[0];
  const t = performance.now();
  const cpu = process.cpuUsage();
  const { result } = ledger.createAsk(
    from,
    {
      to: { kind: 'department', id: d.id },
      subject: `Ask ${i}`,
      details: '',
      importance: 'normal',
      allowDuplicate: true,
    },
    `a${i}`,
  );
  if ('duplicateOf' in result) throw new Error('duplicate');
  now = new Date(now.getTime() + Math.floor(Math.exp(rand() * 12) * 1000));
  ledger.transitionAsk(server, result.id, { status: 'acknowledged' });
  now = new Date(now.getTime() + Math.floor(Math.exp(rand() * 14) * 1000));
  ledger.transitionAsk(server, result.id, { status: 'resolved' });
  syncMs += performance.now() - t;
  const spent = process.cpuUsage(cpu);
  cpuMs += (spent.user + spent.system) / 1000;
  await port.committed();
  commandMs += performance.now() - t;
}
const at = new Date(start + 364 * 86_400_000).toISOString().slice(0, 10);
const reads: Record<string, () => unknown> = {
  'service-month': () => ledger.service(manager, { period: 'month', at }),
  'service-year': () => ledger.service(manager, { period: 'year', at }),
  'service-custom': () => ledger.service(manager, { period: 'custom', from: '2026-02-11', to: '2026-11-19' }),
  'handoffs-quarter': () => ledger.handoffs(manager, { period: 'quarter', at }),
  'handoffs-custom': () => ledger.handoffs(manager, { period: 'custom', from: '2026-02-11', to: '2026-11-19' }),
  'trends-12-weeks': () => ledger.trends(manager, { weeks: 12, at }),
  digest: () => ledger.digest(manager, { at }),
};
report('percentiles-write', 'ask_ms', syncMs / asks);
report('percentiles-write', 'ask_cpu_ms', cpuMs / asks);
report('percentiles-write', 'ask_with_commit_ms', commandMs / asks);
for (const [name, read] of Object.entries(reads)) {
  for (let i = 0; i < 20; i++) read();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const before = process.cpuUsage();
    read();
    const spent = process.cpuUsage(before);
    samples.push((spent.user + spent.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  report(`percentiles-${name}`, 'cpu_p50_ms', samples[Math.floor(samples.length / 2)]);
}
const size = port.one<{ n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()');
report('percentiles-write', 'file_kb', (size?.n ?? 0) / 1024);
port.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
