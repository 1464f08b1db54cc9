import { afterAll, beforeAll, expect, it } from 'vitest';
import { backoff } from '../../server/core/backoff.ts';
import type { Delivery } from '../../shared/webhooks.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';
import { verifies, webhookReceiver } from '../support/webhook-receiver.ts';

/*
 * The real server (server/node.ts) killed with SIGKILL while its webhook deliveries are in flight: after a
 * restart nothing is lost. The receiver holds its answers, so the kill lands between sending and recording;
 * the leased deliveries fall due again when their lease ends and arrive with the same webhook-id.
 */
let server: RunningServer;
let holding = true;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  receiver = await webhookReceiver({ hold: () => holding });
  server = await startServer({ env: { TANDEM_WEBHOOK_ALLOW_HTTP: '1', TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' } });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

async function call<T>(method: string, path: string, token: string, body?: unknown, key?: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const tokenFor = async (code: string) => (await call<{ token: string }>('POST', '/v1/session', '', { code })).token;

async function until(check: () => boolean | Promise<boolean>, what: string, ms: number) {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`[e2e] waited ${ms} ms for ${what}`);
}

it('loses no delivery when the server is killed mid-delivery', async () => {
  const admin = await tokenFor(server.codes.admin);
  const member = await tokenFor(server.codes.member);
  await call('PATCH', '/v1/settings', admin, { limits: { thanksPerRecipientPerDay: 100 } });
  const hook = await call<{ id: string; secret: string }>(
    'POST',
    '/v1/webhooks',
    admin,
    { name: 'Wall', target: 'standard', url: receiver.url('/wall'), events: ['thank.public'] },
    'crash-hook-1',
  );
  const { entries } = await call<{ entries: { id: string; name: string }[] }>('GET', '/v1/directory?q=Priya', member);
  const priya = entries.find((e) => e.name === 'Priya Natarajan') as { id: string };
  for (let i = 0; i < 20; i++) {
    await call(
      'POST',
      '/v1/thanks',
      member,
      { to: [{ kind: 'person', id: priya.id }], message: `Thanks ${i}`, visibility: 'public' },
      `crash-thank-${i}`,
    );
  }
  // In flight: the receiver has them and has not answered.
  await until(() => receiver.all.length > 0, 'the first deliveries to reach the receiver', 30_000);
  await server.crash();
  holding = false;
  receiver.release();
  await server.restart();

  // The leases end (a minute): what was in flight is sent again, with the same webhook-id, and recorded.
  const inFlight = receiver.all.length;
  const admin2 = await tokenFor(server.codes.admin).catch(() => admin);
  const deliveries = async () =>
    (await call<{ deliveries: Delivery[] }>('GET', `/v1/webhooks/${hook.id}/deliveries?limit=50`, admin2)).deliveries;
  await until(
    async () => (await deliveries()).filter((d) => d.status === 'delivered').length === 20,
    'every delivery recorded as delivered',
    backoff.leaseMs + 45_000,
  );
  expect(await deliveries()).toHaveLength(20);
  // A deduplicating receiver sees each of the 20 once; the ones in flight at the kill came twice, same id.
  const messages = receiver.unique().map((r) => JSON.parse(r.body).data.message);
  expect(messages.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Thanks ${i}`).sort());
  expect(receiver.all.length).toBeGreaterThanOrEqual(20 + Math.min(inFlight, 1));
  for (const r of receiver.all) expect(verifies(hook.secret, r)).toBe(true);
});
