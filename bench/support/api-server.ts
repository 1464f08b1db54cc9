import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { createApp } from '../../server/http/app.ts';
import { nodeScreenshots } from '../../server/node/screenshots.ts';
import { threadedLedgers } from '../../server/node/threaded-ledgers.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';

/*
 * The server side of bench:api, in its own process: the real Node wiring (the ledger thread) on a fresh on-disk data dir,
 * and a bare Hono app (GET JSON) as the same run's baseline. Prints its addresses, senders' tokens and recipients as JSON.
 */
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const ledgers = threadedLedgers(dir, createStorage({ driver: fsLite({ base: join(dir, 'config') }) }));
const codes = await createDemoOrganisation(ledgers);
const app = createApp({ ledgers, screenshots: nodeScreenshots(dir) });

const listen = (fetch: (r: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve((server.address() as AddressInfo).port),
    );
  });

const apiPort = await listen(app.fetch);
const barePort = await listen(new Hono().get('/', (c) => c.json({ ok: true })).fetch);
const signIn = async (code: string) => {
  const res = await app.request('/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await res.json()) as { token: string }).token;
};
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const token = await signIn(codes.member);
const adminToken = await signIn(codes.admin);
// The bench measures raw write throughput: lift the per-person limits of its organisation.
const lifted = await app.request('/v1/settings', {
  method: 'PATCH',
  headers: { ...auth(adminToken), 'content-type': 'application/json' },
  body: JSON.stringify({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }),
});
if (!lifted.ok) throw new Error(`[bench:api] could not lift the limits: ${await lifted.text()}`);
const found = await app.request('/v1/directory?q=priya', { headers: auth(token) });
const { entries } = (await found.json()) as { entries: { id: string }[] };
// Three senders and everyone else as recipients, for loads longer than one person's limits allow
// (100,000 writes a minute, 100,000 thank-yous a day): bench:soak.
const tokens = [token, await signIn(codes.manager), adminToken];
const senders = await Promise.all(
  tokens.map(
    async (t) =>
      ((await (await app.request('/v1/me', { headers: auth(t) })).json()) as { person: { id: string } }).person.id,
  ),
);
const all = await app.request('/v1/directory?q=&limit=50', { headers: auth(token) });
const recipients = ((await all.json()) as { entries: { id: string; kind: string }[] }).entries
  .filter((e) => e.kind === 'person' && !senders.includes(e.id))
  .map((e) => e.id);
// Ten minutes at 2,500 a second are 1.5 million thank-yous: more than the demo's people may receive in a
// day (100,000 each at most). Forty more colleagues, added as an admin adds them.
for (let i = 0; i < 40; i++) {
  const added = await app.request('/v1/people', {
    method: 'POST',
    headers: { ...auth(adminToken), 'content-type': 'application/json', 'idempotency-key': `bench-person-${i}` },
    body: JSON.stringify({ name: `Colleague ${i + 1}`, email: `colleague${i + 1}@bench.example` }),
  });
  if (!added.ok) throw new Error(`[bench:api] could not add a colleague: ${await added.text()}`);
  recipients.push(((await added.json()) as { id: string }).id);
}
console.log(
  JSON.stringify({
    api: `http://127.0.0.1:${apiPort}`,
    bare: `http://127.0.0.1:${barePort}`,
    tokens,
    recipient: entries[0].id,
    recipients,
  }),
);
process.on('SIGINT', () => process.exit(0));
