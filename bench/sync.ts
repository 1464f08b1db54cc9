import type autocannon from 'autocannon';
import { startWranglerDev } from '../test/support/wrangler-dev.ts';
import { load } from './support/api-target.ts';
import { asEveryone } from './support/as-everyone.ts';
import { mediansOf } from './support/medians.ts';
import { treeCpuUs } from './support/process-cpu.ts';
import { busyBetween, closeAll, objectBusy, openPushClients, until } from './support/push-clients.ts';
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

// The object times its own code (server/worker/busy-meter.ts): workerd's clock advances while code runs, locally.
const worker = await startWranglerDev({ SETUP_TOKEN: setupToken, BENCH_OBJECT_TIMING: '1' });
try {
  const started = Date.now();
  const org = await benchOrg(worker.url, setupToken, { people, signedIn, asks: 2000 });
  console.error(`[bench:sync] ${people} people, ${signedIn} signed in, 2,000 asks, in ${Date.now() - started} ms`);

  // wrangler dev runs two workerd: one listening on the dev port (its proxy) and one running the Worker and the object.
  const entry = `entry=127.0.0.1:${new URL(worker.url).port}`;
  const cpuProxy = () => treeCpuUs(worker.pid, 'workerd', entry);
  const cpuRuntime = () => treeCpuUs(worker.pid, 'workerd', undefined, entry);
  const split = async <T>(what: string, per: number, run: () => Promise<T>) => {
    const [p, r] = [cpuProxy(), cpuRuntime()];
    const out = await run();
    console.error(
      `[bench:sync] ${what}: proxy workerd ${Math.round((cpuProxy() - p) / per)} µs, runtime workerd ${Math.round((cpuRuntime() - r) / per)} µs each`,
    );
    return out;
  };

  const busy = () => objectBusy(worker.url, org.tokens[0]);

  /** Runs a load and reads the server side's CPU around it, and the object's own time. */
  const measured = async (name: string, options: autocannon.Options) => {
    const busyBefore = await busy();
    const [proxyBefore, runtimeBefore] = [cpuProxy(), cpuRuntime()];
    const result = await load({ ...options, connections, duration: seconds });
    const runtime = cpuRuntime() - runtimeBefore;
    const proxy = cpuProxy() - proxyBefore;
    const inObject = busyBetween(busyBefore, await busy(), ['authenticate', 'sync']);
    const failed = result.non2xx + result.errors;
    if (failed > 0) {
      console.error(`[bench:sync] ${name}: ${failed} requests failed`);
      process.exitCode = 1;
    }
    const count = result.requests.total;
    // The object's own time per request the load made (the load's count: some may be in flight at its end).
    const objectUs = inObject.us / count;
    console.error(
      `[bench:sync] ${name}: ${result.requests.average} rps, workerd CPU each: runtime ${Math.round(runtime / count)} µs, proxy ${Math.round(proxy / count)} µs; ` +
        `the object's own code ${Math.round(objectUs)} µs (${inObject.calls} calls for ${count} requests)`,
    );
    return {
      rps: result.requests.average,
      cpuUs: runtime / count,
      proxyUs: proxy / count,
      objectUs,
      p99: result.latency.p99,
      failed,
    };
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
    return Object.fromEntries(Object.entries(runs).map(([name, rs]) => [name, mediansOf(rs, ['failed'])]));
  };
  const { seq } = (await (
    await fetch(`${worker.url}/v1/sync?after=0`, { headers: { authorization: `Bearer ${org.tokens[0]}` } })
  ).json()) as { seq: number };

  const polls = await alternated(
    {
      health: { url: `${worker.url}/health` },
      'sync-unchanged': asEveryone(worker.url, org.tokens, () => `/v1/sync?after=${seq}`),
      sync: asEveryone(worker.url, org.tokens, () => `/v1/sync?after=${seq - 1}`),
    },
    Number(process.env.BENCH_ROUNDS ?? 3),
  );
  const { health, 'sync-unchanged': unchanged, sync } = polls;

  // --- Push: the same organisation with N extensions' sockets open (server/worker/push-sockets.ts). ---
  const sockets = Number(process.env.BENCH_SOCKETS ?? 2000);
  const writes = Number(process.env.BENCH_WRITES ?? 400);
  let key = 0;
  /** `writes` asks, 10 at a time, each from a signed-in person to a department they are not in. */
  const askDepartments = async () => {
    const busyBefore = await busy();
    const before = cpuRuntime();
    for (let i = 0; i < writes; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, writes - i) }, async (_, k) => {
          const from = (i + k) % org.tokens.length;
          const res = await fetch(`${worker.url}/v1/asks`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${org.tokens[from]}`,
              'content-type': 'application/json',
              'idempotency-key': `bench-push-${key++}-${Date.now()}`,
            },
            body: JSON.stringify({ to: { kind: 'department', id: org.departmentOf(from + 1) }, subject: 'Push bench' }),
          });
          if (res.status !== 201) throw new Error(`[bench:sync] ask: ${res.status} ${await res.text()}`);
        }),
      );
    }
    const cpuUs = (cpuRuntime() - before) / writes;
    const busyAfter = await busy();
    const command = busyBetween(busyBefore, busyAfter, ['createAsk']).us / writes;
    const fanOut = busyBetween(busyBefore, busyAfter, ['push']).us / writes;
    return { cpuUs, command, fanOut };
  };
  const writeAlone = await askDepartments();
  console.error(
    `[bench:sync] ${writes} asks to a department, no sockets: ${Math.round(writeAlone.cpuUs)} µs workerd CPU each; ` +
      `in the object: the command ${Math.round(writeAlone.command)} µs, the push step ${Math.round(writeAlone.fanOut)} µs`,
  );

  // Idle, first with no socket (what workerd spends doing nothing), then with every socket open, after a pause for
  // the connects' own work (and garbage) to settle. The object's meter shows whether it ran at all meanwhile.
  const idleSeconds = 20;
  const idle = () => split('idle second', idleSeconds, () => new Promise((r) => setTimeout(r, idleSeconds * 1000)));
  let before = cpuRuntime();
  await idle();
  const idleNoSockets = (cpuRuntime() - before) / idleSeconds;

  let busyBefore = await busy();
  before = cpuRuntime();
  const connectStart = performance.now();
  const clients = await split('socket opened', sockets, () => openPushClients(worker.url, org.tokens, sockets));
  const connectUs = (cpuRuntime() - before) / sockets;
  const connects = busyBetween(busyBefore, await busy(), ['connect']);
  const connectObjectUs = connects.us / connects.calls;
  console.error(
    `[bench:sync] ${sockets} sockets open in ${Math.round(performance.now() - connectStart)} ms; the object's accept ${Math.round(connectObjectUs)} µs each`,
  );

  await new Promise((r) => setTimeout(r, 5000));
  busyBefore = await busy();
  before = cpuRuntime();
  await idle();
  const idleUsPerSecond = (cpuRuntime() - before) / idleSeconds;
  const idleAfter = await busy();
  // Everything the object ran while the sockets idled, but the second reading's own connect.
  const idleBusy = busyBetween(busyBefore, idleAfter, Object.keys(idleAfter));
  const idleObjectCalls = idleBusy.calls - 1;
  console.error(
    `[bench:sync] while ${sockets} sockets idled: ${idleObjectCalls} calls ran in the object; ` +
      `it was ${idleBusy.restarted ? '' : 'not '}evicted (hibernated) meanwhile`,
  );

  // Pings: every socket pings once, as each extension does every 20 s; the runtime answers without the object.
  const pushesBefore = clients.reduce((n, c) => n + c.pushes.length + c.other, 0);
  busyBefore = await busy();
  before = cpuRuntime();
  const ponged = await split('ping', clients.length, async () => {
    for (let i = 0; i < clients.length; i += 100) {
      for (const c of clients.slice(i, i + 100)) c.ws.send('ping');
      await new Promise((r) => setTimeout(r, 10));
    }
    return until(() => clients.every((c) => c.pongs >= 1), 60_000);
  });
  const pingUs = (cpuRuntime() - before) / clients.length;
  // The object's webSocketMessage calls while every socket pinged: each would be a ping that woke it.
  const objectMessages = busyBetween(busyBefore, await busy(), ['message']).calls;
  const pongs = clients.reduce((n, c) => n + c.pongs, 0);
  // No write happened: anything but `pong` came from the object's webSocketMessage, i.e. a ping woke it.
  const wokenByPing = clients.reduce((n, c) => n + c.pushes.length + c.other, 0) - pushesBefore;
  console.error(
    `[bench:sync] ${pongs} pongs for ${clients.length} pings (all: ${ponged}), ${wokenByPing} answered by the object, ` +
      `${objectMessages} webSocketMessage calls, ${Math.round(pingUs)} µs workerd CPU each`,
  );

  // Writes with every socket open: the object tells the requester's and the department's sockets.
  const received = () => clients.reduce((n, c) => n + c.pushes.length, 0);
  const receivedBefore = received();
  const writeFanned = await askDepartments();
  await until(() => false, 2000); // the last pushes in flight
  const messagesPerWrite = (received() - receivedBefore) / writes;
  console.error(
    `[bench:sync] ${writes} asks with ${sockets} sockets: ${Math.round(writeFanned.cpuUs)} µs workerd CPU each, ` +
      `${messagesPerWrite} pushes each; in the object: the command ${Math.round(writeFanned.command)} µs, ` +
      `the push step ${Math.round(writeFanned.fanOut)} µs`,
  );

  // Latency: one ask at a time, from the request until a socket of the department has its push.
  const latencies: number[] = [];
  for (let i = 0; i < 50; i++) {
    const from = i % org.tokens.length;
    const department = org.departmentOf(from + 1);
    // A socket of someone in that department (person n is in department n % 40; sockets cycle the tokens).
    const member = clients.find(
      (_, n) => n % org.tokens.length !== from && org.departmentOf(n % org.tokens.length) === department,
    );
    if (!member) throw new Error('[bench:sync] no socket in the department');
    const had = member.pushes.length;
    const start = performance.now();
    await fetch(`${worker.url}/v1/asks`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${org.tokens[from]}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-latency-${key++}-${Date.now()}`,
      },
      body: JSON.stringify({ to: { kind: 'department', id: department }, subject: 'Latency' }),
    });
    await until(() => member.pushes.length > had, 10_000);
    latencies.push((member.pushes.at(-1)?.at ?? Number.NaN) - start);
  }
  latencies.sort((a, b) => a - b);
  await closeAll(clients);
  const writeAloneAfter = await askDepartments();
  const writeBaseline = (writeAlone.cpuUs + writeAloneAfter.cpuUs) / 2;
  const fanOutCpuUs = writeFanned.cpuUs - writeBaseline;
  console.error(
    `[bench:sync] no sockets again: ${Math.round(writeAloneAfter.cpuUs)} µs each; fan-out by CPU ${Math.round(fanOutCpuUs)} µs per write`,
  );

  report('sync', 'health_rps', health.rps);
  report('sync', 'health_cpu_us', health.cpuUs);
  report('sync', 'unchanged_rps', unchanged.rps);
  report('sync', 'unchanged_cpu_us', unchanged.cpuUs);
  report('sync', 'unchanged_object_us', unchanged.objectUs);
  report('sync', 'sync_cpu_us', sync.cpuUs);
  report('sync', 'sync_proxy_cpu_us', sync.proxyUs);
  report('sync', 'p99_ms', sync.p99);
  // What one idle poll costs: the runtime's CPU it adds over /health, a request the Worker answers alone: the object's
  // two calls (authenticate, sync) and both ends of their RPCs, and the Worker's token check; the object's share is
  // at most this. CPU time, so the other loads on this machine do not inflate it.
  report('sync', 'idle_cost_us', sync.cpuUs - health.cpuUs);
  // The object's own code for those two calls, by its clock: wall time, inflated whenever the machine preempts it.
  report('sync', 'idle_object_wall_us', sync.objectUs);
  report('sync', 'sustained_rps', sync.rps);
  report('sync', 'failed', health.failed + unchanged.failed + sync.failed);
  report('sync', 'push_sockets', clients.length);
  report('sync', 'push_connect_object_us', connectObjectUs);
  report('sync', 'push_connect_cpu_us', connectUs);
  report('sync', 'push_idle_no_sockets_cpu_us_per_s', idleNoSockets);
  report('sync', 'push_idle_cpu_us_per_s', idleUsPerSecond);
  report('sync', 'push_idle_object_calls', idleObjectCalls);
  report('sync', 'push_idle_object_hibernated', idleBusy.restarted ? 1 : 0);
  report('sync', 'push_pings', clients.length);
  report('sync', 'push_pongs', pongs);
  report('sync', 'push_pings_answered_by_object', wokenByPing);
  report('sync', 'push_ping_object_messages', objectMessages);
  report('sync', 'push_ping_cpu_us', pingUs);
  report(
    'sync',
    'push_write_command_object_us',
    (writeAlone.command + writeFanned.command + writeAloneAfter.command) / 3,
  );
  report('sync', 'push_step_no_sockets_object_us', (writeAlone.fanOut + writeAloneAfter.fanOut) / 2);
  report('sync', 'push_step_object_us', writeFanned.fanOut);
  report('sync', 'push_messages_per_write', messagesPerWrite);
  // What each push adds to the object's push step (its wall time, as above) and to the runtime's CPU.
  report(
    'sync',
    'push_object_wall_us_per_message',
    (writeFanned.fanOut - (writeAlone.fanOut + writeAloneAfter.fanOut) / 2) / messagesPerWrite,
  );
  report('sync', 'push_fanout_cpu_us', fanOutCpuUs);
  report('sync', 'push_cpu_us_per_message', fanOutCpuUs / messagesPerWrite);
  report('sync', 'push_latency_p50_ms', latencies[Math.floor(latencies.length / 2)]);
  report('sync', 'push_latency_max_ms', latencies[latencies.length - 1]);
} finally {
  await worker.stop();
}
