import { apiTarget, load } from './support/api-target.ts';
import { ledgerCeiling } from './support/ledger-ceiling.ts';
import { treeCpuUs } from './support/process-cpu.ts';
import { report } from './support/report.ts';
import { steadyLoad } from './support/steady-load.ts';

/*
 * bench:api — POST /v1/thanks at 50 connections against the real Node server (SQLite on disk), to one
 * person and then spread over senders and recipients as an organisation's thank-yous are. The baseline,
 * measured in the same run, is the same thank-you straight into an on-disk ledger with no HTTP: the
 * ceiling any durable write here could reach, for each load the same work: one person's thank-yous for the
 * one-person load, thank-yous spread the same way for the spread load (`api-ledger-alone-spread`). The goal is
 * that the server keeps up with its own ledger (api-write-spread ratio_to_ledger ≥ 0.6, against the spread
 * ledger; against the one-person ledger, as until stop 20, as `ratio_to_one_person_ledger`). A bare Hono GET is
 * printed for orientation only. Beside the rates, the
 * CPU each write cost the server (all its threads) and the ledger alone: the load generator shares these two
 * cores, so the CPU per write says what the server's own work costs, however busy the machine is. Last, the spread
 * at 8, 16 and 32 connections: what the rate and the tail trade as fewer writes are in flight.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const target = await apiTarget();

try {
  // What the ledger alone commits (bench/support/ledger-ceiling.ts): the most a write could reach here. Measured
  // before and after the loads and averaged, since this machine's speed drifts within a run.
  const ceilingBefore = await ledgerCeiling(5); // 5 s: within one sender's 100,000 writes a minute
  const spreadCeilingBefore = await ledgerCeiling(5, true);
  await load({ url: target.bare, connections, duration: 2 }); // warm-up
  const bare = await load({ url: target.bare, connections, duration: seconds });
  await load({ ...target.thanks, connections, duration: 2 }); // warm-up
  const write = await load({ ...target.thanks, connections, duration: seconds });
  // The same, spread over senders and recipients as an organisation's thank-yous are; not the first
  // sender, who has just sent a minute's worth.
  const spreadThanks = target.spreadThanks(target.tokens.slice(1));
  await load({ ...spreadThanks, connections, duration: 2 }); // warm-up
  const cpuBefore = treeCpuUs(target.pid);
  const spread = await load({ ...spreadThanks, connections, duration: seconds });
  // The server's CPU per write, whatever the load generator on the same cores took: beside the ledger's own.
  const spreadCpu = (treeCpuUs(target.pid) - cpuBefore) / spread.requests.total;
  // The same spread offered steadily at half what the ledger alone commits: the latency a person sees when the
  // server is not saturated. Saturated, 50 connections wait 50 ÷ throughput on average (Little's law), whatever
  // the code: a p99 of 20 ms there needs well over 2,500 writes a second.
  const halfRate = Math.round(spreadCeilingBefore.rps / 2);
  const half = await steadyLoad({
    url: `${target.api}/v1/thanks`,
    rate: halfRate,
    seconds,
    connections,
    request: target.spreadRequest(target.tokens.slice(1)),
  });
  // The same spread at fewer connections: how the rate and the tail trade as the offered concurrency falls. The
  // ledger keeps up only with enough writes in flight to fill its group commits; each one more waits in line.
  const curve: { connections: number; rps: number; p99: number; failed: number }[] = [];
  for (const fewer of [8, 16, 32]) {
    await load({ ...spreadThanks, connections: fewer, duration: 2 }); // warm-up
    const at = await load({ ...spreadThanks, connections: fewer, duration: seconds });
    curve.push({ connections: fewer, rps: at.requests.average, p99: at.latency.p99, failed: at.non2xx + at.errors });
  }
  const spreadCeilingAfter = await ledgerCeiling(5, true);
  const ceilingAfter = await ledgerCeiling(5);
  const ceiling = (ceilingBefore.rps + ceilingAfter.rps) / 2;
  const spreadCeiling = (spreadCeilingBefore.rps + spreadCeilingAfter.rps) / 2;
  const ledgerCpu = (spreadCeilingBefore.cpuUsPerWrite + spreadCeilingAfter.cpuUsPerWrite) / 2;
  const failed =
    write.non2xx + write.errors + spread.non2xx + spread.errors + half.failed + curve.reduce((n, c) => n + c.failed, 0);
  if (failed > 0) {
    console.error(`[bench:api] ${failed} writes failed`);
    process.exitCode = 1;
  }

  report('api-bare', 'rps', bare.requests.average);
  report('api-write', 'p50_ms', write.latency.p50);
  report('api-write', 'p99_ms', write.latency.p99);
  report('api-write', 'rps', write.requests.average);
  report('api-write', 'ratio_to_ledger', write.requests.average / ceiling);
  report('api-write', 'failed', failed);
  report('api-write-spread', 'p50_ms', spread.latency.p50);
  report('api-write-spread', 'p99_ms', spread.latency.p99);
  report('api-write-spread', 'rps', spread.requests.average);
  report('api-write-spread', 'failed', spread.non2xx + spread.errors);
  report('api-write-spread-half-load', 'offered_rps', halfRate);
  report('api-write-spread-half-load', 'rps', half.rps);
  report('api-write-spread-half-load', 'p50_ms', half.p50);
  report('api-write-spread-half-load', 'p99_ms', half.p99);
  report('api-ledger-alone', 'rps', ceiling);
  report('api-ledger-alone-spread', 'rps', spreadCeiling);
  report('api-write-spread', 'ratio_to_ledger', spread.requests.average / spreadCeiling);
  report('api-write-spread', 'ratio_to_one_person_ledger', spread.requests.average / ceiling);
  report('api-write-spread', 'cpu_us_per_write', spreadCpu);
  report('api-ledger-alone-spread', 'cpu_us_per_write', ledgerCpu);
  report('api-write-spread', 'cpu_ratio_to_ledger', spreadCpu / ledgerCpu);
  for (const { connections: c, rps, p99 } of curve) {
    report(`api-write-spread-${c}-connections`, 'rps', rps);
    report(`api-write-spread-${c}-connections`, 'ratio_to_ledger', rps / spreadCeiling);
    report(`api-write-spread-${c}-connections`, 'p99_ms', p99);
  }
} finally {
  target.stop();
}
