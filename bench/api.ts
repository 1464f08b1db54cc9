import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { report } from './support/report.ts';

/*
 * bench:api — POST /v1/thanks at 50 connections against the real Node server (SQLite on disk), and
 * a bare Hono GET in the same run as the baseline. The server runs in its own process.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;

const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/api-server.ts'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const firstLine = await new Promise<string>((resolve) =>
  createInterface({ input: child.stdout }).once('line', resolve),
);
const target = JSON.parse(firstLine) as { api: string; bare: string; token: string; recipient: string };

const run = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result))),
  );

try {
  await run({ url: target.bare, connections, duration: 2 }); // warm-up
  const bare = await run({ url: target.bare, connections, duration: seconds });

  const thanks = {
    url: `${target.api}/v1/thanks`,
    method: 'POST' as const,
    connections,
    // A fresh Idempotency-Key per request, as the extension makes one per composed thank-you.
    idReplacement: true,
    headers: {
      authorization: `Bearer ${target.token}`,
      'content-type': 'application/json',
      'idempotency-key': 'bench-[<id>]',
    },
    body: JSON.stringify({ to: [{ kind: 'person', id: target.recipient }], message: 'Thanks for the help!' }),
  };
  await run({ ...thanks, duration: 2 }); // warm-up
  const write = await run({ ...thanks, duration: seconds });
  const failed = write.non2xx + write.errors;
  if (failed > 0) console.error(`[bench:api] ${failed} writes failed`);

  report('api-bare', 'rps', bare.requests.average);
  report('api-write', 'p50_ms', write.latency.p50);
  report('api-write', 'p99_ms', write.latency.p99);
  report('api-write', 'rps', write.requests.average);
  report('api-write', 'ratio_to_bare', write.requests.average / bare.requests.average);
  report('api-write', 'failed', failed);
} finally {
  child.kill();
}
