import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { apiTarget, load } from './support/api-target.ts';
import { report } from './support/report.ts';

/*
 * bench:soak — the real Node server under half its measured maximum write rate for ten minutes
 * (BENCH_SOAK_SECONDS), in one-minute windows: the server's RSS after each, and each window's p99.
 * Drift is the last window against the first: a leak or a slowing store shows as growth. The most its
 * WAL held at once shows the checkpoints keeping up.
 */
const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const windowSeconds = Math.min(60, seconds);
const connections = 20;
const target = await apiTarget();
const rotating = target.spreadThanks();
const rssMb = () => {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${target.pid}/status`, 'utf8'))?.[1] ?? 0);
  return kb / 1024;
};

try {
  await load({ ...rotating, connections: 50, duration: 2 }); // warm-up
  const maxRun = await load({ ...rotating, connections: 50, duration: 5 });
  if (maxRun.non2xx + maxRun.errors) throw new Error('[bench:soak] writes failed while measuring the maximum');
  const max = maxRun.requests.average;
  // BENCH_SOAK_RATE fixes the rate instead, to compare two builds at the same load.
  const rate = Number(process.env.BENCH_SOAK_RATE ?? 0) || Math.max(1, Math.floor(max / 2));
  const rssStart = rssMb();
  const windows: { p99: number; rps: number; rss: number; failed: number }[] = [];
  for (let elapsed = 0; elapsed < seconds; elapsed += windowSeconds) {
    const r = await load({ ...rotating, connections, overallRate: rate, duration: windowSeconds });
    windows.push({ p99: r.latency.p99, rps: r.requests.average, rss: rssMb(), failed: r.non2xx + r.errors });
    console.error(`[bench:soak] window ${windows.length}: ${JSON.stringify(windows.at(-1))}`);
  }
  const first = windows[0];
  const last = windows[windows.length - 1];
  report('soak', 'max_rps', max);
  report('soak', 'target_rps', rate);
  report('soak', 'achieved_rps', windows.reduce((s, w) => s + w.rps, 0) / windows.length);
  report('soak', 'rss_start_mb', rssStart);
  report('soak', 'rss_end_mb', last.rss);
  report('soak', 'rss_growth_mb', last.rss - rssStart);
  report('soak', 'p99_first_window_ms', first.p99);
  report('soak', 'p99_last_window_ms', last.p99);
  report('soak', 'p99_drift_ratio', last.p99 / Math.max(1, first.p99));
  // A WAL file never shrinks: its size is the most the WAL held at once, which the writer's checkpoints bound.
  const orgs = join(target.dataDir, 'orgs');
  const walBytes = readdirSync(orgs)
    .filter((f) => f.endsWith('-wal'))
    .reduce((sum, f) => sum + statSync(join(orgs, f)).size, 0);
  report('soak', 'wal_max_mb', walBytes / 2 ** 20);
  const failed = windows.reduce((s, w) => s + w.failed, 0);
  report('soak', 'failed', failed);
  // A refused write is not load: the figures would flatter the server.
  if (failed > 0) {
    console.error(`[bench:soak] ${failed} writes failed`);
    process.exitCode = 1;
  }
} finally {
  target.stop();
}
