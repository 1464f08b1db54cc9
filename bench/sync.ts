import type autocannon from 'autocannon';
import { startWranglerDev } from '../test/support/wrangler-dev.ts';
import { load } from './support/api-target.ts';
import { treeCpuUs } from './support/process-cpu.ts';
import { report } from './support/report.ts';
import { benchOrg } from './support/wrangler-org.ts';

/*
 * bench:sync — what the extension's minute poll, `GET /v1/sync?after=SEQ`, costs one organisation's Durable
 * Object in workerd (`wrangler dev --local`), and how many a second one object sustains.
 *
 * The Worker, the object and this load generator share one machine, so every figure comes with a baseline
 * from the same run, the loads alternate (three rounds, medians), and cost is read as the CPU time workerd spent
 * (wrangler dev's Node is not in the request path) per request, not as wall time: workerd's clock does not advance while code runs, so the object cannot time itself.
 *   - `health`: GET /health, answered by the Worker without a token or the object: routing, host and origin
 *     checks, the response.
 *   - `sync-unchanged`: the poll when nothing happened since the client's cursor: the token checked
 *     (one RPC to the object) and `sync` answering from MAX(seq) alone (a second RPC).
 *   - `sync`: the poll of an idle person in a large organisation, whose events move many times a second so
 *     the cursor is always behind: the same two RPCs and the count of what waits on the person.
 * idle_cost_us = CPU per `sync` − CPU per `health`: everything a poll adds beyond a request the Worker answers
 * alone, that is the two RPCs and the object's work (also the token's hash and the middleware in the Worker,
 * so it overstates the object's share). sustained_rps is the `sync` load's rate, with the load generator on
 * the same two cores; the object alone could not exceed 1e6 / idle_cost_us.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const people = Number(process.env.BENCH_PEOPLE ?? 2000);
const signedIn = Number(process.env.BENCH_SIGNED_IN ?? 1000);
const connections = 50;
const setupToken = 'bench-sync-setup-token';

const worker = await startWranglerDev({ SETUP_TOKEN: setupToken });
try {
  const started = Date.now();
  const org = await benchOrg(worker.url, setupToken, { people, signedIn, asks: 2000 });
  console.error(`[bench:sync] ${people} people, ${signedIn} signed in, 2,000 asks, in ${Date.now() - started} ms`);

  /** Runs a load and reads the server side's CPU around it. */
  const measured = async (name: string, options: autocannon.Options) => {
    const cpuBefore = treeCpuUs(worker.pid, 'workerd');
    const result = await load({ ...options, connections, duration: seconds });
    const cpu = treeCpuUs(worker.pid, 'workerd') - cpuBefore;
    const failed = result.non2xx + result.errors;
    if (failed > 0) {
      console.error(`[bench:sync] ${name}: ${failed} requests failed`);
      process.exitCode = 1;
    }
    const count = result.requests.total;
    console.error(
      `[bench:sync] ${name}: ${result.requests.average} rps, ${Math.round(cpu / count)} µs workerd CPU each`,
    );
    return { rps: result.requests.average, cpuUs: cpu / count, p99: result.latency.p99, failed };
  };
  /** The loads in turn, `rounds` times (the machine's speed drifts within a run), each figure the median. */
  const alternated = async (loads: Record<string, autocannon.Options>, rounds: number) => {
    for (const options of Object.values(loads)) await load({ ...options, connections, duration: 2 }); // warm-up
    const runs = Object.fromEntries(
      Object.keys(loads).map((name) => [name, [] as Awaited<ReturnType<typeof measured>>[]]),
    );
    for (let r = 0; r < rounds; r++) {
      for (const [name, options] of Object.entries(loads)) runs[name].push(await measured(name, options));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return Object.fromEntries(
      Object.entries(runs).map(([name, rs]) => [
        name,
        {
          rps: median(rs.map((r) => r.rps)),
          cpuUs: median(rs.map((r) => r.cpuUs)),
          p99: median(rs.map((r) => r.p99)),
          failed: rs.reduce((n, r) => n + r.failed, 0),
        },
      ]),
    );
  };
  /** Every request as the next signed-in person, as a whole organisation's polls arrive. */
  const asEveryone = (path: (i: number) => string): autocannon.Options => {
    let turn = 0;
    return {
      url: worker.url,
      requests: [
        {
          setupRequest: (req) => {
            const i = turn++ % org.tokens.length;
            return { ...req, path: path(i), headers: { ...req.headers, authorization: `Bearer ${org.tokens[i]}` } };
          },
        },
      ],
    };
  };
  const { seq } = (await (
    await fetch(`${worker.url}/v1/sync?after=0`, { headers: { authorization: `Bearer ${org.tokens[0]}` } })
  ).json()) as { seq: number };

  const polls = await alternated(
    {
      health: { url: `${worker.url}/health` },
      'sync-unchanged': asEveryone(() => `/v1/sync?after=${seq}`),
      sync: asEveryone(() => `/v1/sync?after=${seq - 1}`),
    },
    Number(process.env.BENCH_ROUNDS ?? 3),
  );
  const { health, 'sync-unchanged': unchanged, sync } = polls;

  report('sync', 'health_rps', health.rps);
  report('sync', 'health_cpu_us', health.cpuUs);
  report('sync', 'unchanged_rps', unchanged.rps);
  report('sync', 'unchanged_cpu_us', unchanged.cpuUs);
  report('sync', 'sync_cpu_us', sync.cpuUs);
  report('sync', 'p99_ms', sync.p99);
  report('sync', 'idle_cost_us', sync.cpuUs - health.cpuUs);
  report('sync', 'sustained_rps', sync.rps);
  report('sync', 'failed', health.failed + unchanged.failed + sync.failed);
} finally {
  await worker.stop();
}
