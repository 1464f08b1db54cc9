import { WebSocket } from 'undici';

/** One extension's push socket, as bench:sync opens them from Node: what it received and when. */
export interface PushClient {
  ws: WebSocket;
  /** Each `{"seq":N}` received, with the time it came (performance.now()). */
  pushes: { seq: number; at: number }[];
  pongs: number;
  /** Replies to a ping that were not the runtime's `pong`: the object itself answered (it was woken). */
  other: number;
}

/** Opens `count` sockets to `GET /v1/push`, `concurrency` at a time, the tokens in turn. */
export async function openPushClients(url: string, tokens: string[], count: number, concurrency = 50) {
  const wsUrl = `${url.replace(/^http/, 'ws')}/v1/push`;
  const clients: PushClient[] = [];
  const openOne = (i: number) =>
    new Promise<PushClient>((resolve, reject) => {
      const ws = new WebSocket(wsUrl, ['tandem.v1', tokens[i % tokens.length]]);
      const client: PushClient = { ws, pushes: [], pongs: 0, other: 0 };
      ws.addEventListener('message', (e) => {
        const data = String(e.data);
        if (data === 'pong') client.pongs++;
        else {
          const { seq } = JSON.parse(data) as { seq?: number };
          if (typeof seq === 'number') client.pushes.push({ seq, at: performance.now() });
          else client.other++;
        }
      });
      ws.addEventListener('open', () => resolve(client), { once: true });
      ws.addEventListener('error', () => reject(new Error(`[bench:sync] socket ${i} did not open`)), { once: true });
    });
  for (let i = 0; i < count; i += concurrency) {
    clients.push(
      ...(await Promise.all(Array.from({ length: Math.min(concurrency, count - i) }, (_, k) => openOne(i + k)))),
    );
  }
  return clients;
}

/** Waits until `done()` or `ms` passed. */
export async function until(done: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return done();
}

export async function closeAll(clients: PushClient[]) {
  await Promise.all(
    clients.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.ws.readyState === WebSocket.CLOSED) return resolve();
          c.ws.addEventListener('close', () => resolve(), { once: true });
          c.ws.close(1000);
        }),
    ),
  );
}

/** The object's own busy time by operation (server/worker/busy-meter.ts), asked over a socket of its own. */
export async function objectBusy(url: string, token: string): Promise<Record<string, { calls: number; ms: number }>> {
  const [client] = await openPushClients(url, [token], 1);
  const reply = new Promise<string>((resolve) =>
    client.ws.addEventListener('message', (e) => {
      if (String(e.data).startsWith('{"busy"')) resolve(String(e.data));
    }),
  );
  client.ws.send('busy');
  const { busy } = JSON.parse(await reply) as { busy: Record<string, { calls: number; ms: number }> };
  await closeAll([client]);
  return busy;
}

/**
 * What the object spent between two readings, in µs, on the given operations. A meter that went backwards was
 * started again: the object was evicted (hibernated) in between and a new instance counted from zero.
 */
export function busyBetween(
  before: Record<string, { calls: number; ms: number }>,
  after: Record<string, { calls: number; ms: number }>,
  ops: string[],
): { calls: number; us: number; restarted: boolean } {
  const restarted = Object.keys(before).some((op) => (after[op]?.calls ?? 0) < before[op].calls);
  const from = restarted ? {} : before;
  let calls = 0;
  let ms = 0;
  for (const op of ops) {
    calls += (after[op]?.calls ?? 0) - (from[op]?.calls ?? 0);
    ms += (after[op]?.ms ?? 0) - (from[op]?.ms ?? 0);
  }
  return { calls, us: ms * 1000, restarted };
}
