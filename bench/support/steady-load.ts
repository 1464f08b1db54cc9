import { Pool } from 'undici';

/**
 * An open-loop load: `rate` requests a second, each sent at its own moment (i / rate) whether or not earlier
 * ones have been answered, over up to `connections` connections. Each latency counts from the moment the
 * request was due, so a stalled server is not hidden by requests that were never sent (coordinated omission).
 * autocannon's rate option sends each second's quota at the start of the second, which measures bursts.
 */
export async function steadyLoad(options: {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  request: () => { headers: Record<string, string>; body: string };
}): Promise<{ rps: number; p50: number; p99: number; failed: number }> {
  const url = new URL(options.url);
  const pool = new Pool(url.origin, { connections: options.connections });
  /** Sends `seconds` of the load and waits for every answer: the latencies, failures and time it took. */
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let failed = 0;
    const sent: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < Math.round(options.rate * seconds); i++) {
      const due = start + (i * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const { headers, body } = options.request();
      sent.push(
        pool.request({ method: 'POST', path: url.pathname, headers, body }).then(
          async (res) => {
            await res.body.dump();
            if (res.statusCode >= 300) failed++;
            latencies.push(performance.now() - due);
          },
          () => void failed++,
        ),
      );
    }
    await Promise.all(sent);
    return { latencies, failed, elapsed: (performance.now() - start) / 1000 };
  };
  // A second first, not counted: the pool's connections open then (50 handshakes at once held the first 200 ms
  // of requests up to 41 ms, 1.75% of them: the whole p99 at 1,000 a second).
  await run(1);
  const { latencies, failed, elapsed } = await run(options.seconds);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), failed };
}
