import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.ts';
import { nodeScreenshots } from '../../server/node/screenshots.ts';
import { threadedLedgers } from '../../server/node/threaded-ledgers.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';

// The real Node wiring: HTTP over loopback, the ledger thread, SQLite files on disk, fs-lite configuration.
const dir = mkdtempSync(join(tmpdir(), 'tandem-concurrency-'));
const ledgers = threadedLedgers(dir, createStorage({ driver: fsLite({ base: join(dir, 'config') }) }));
let server: ServerType;
let base = '';

beforeAll(async () => {
  server = serve({
    fetch: createApp({ ledgers, screenshots: nodeScreenshots(dir) }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await ledgers.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = async (code: string) => {
  const res = await fetch(`${base}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await res.json()) as { token: string }).token;
};

it('counts 1,000 concurrent thanks to one person exactly, with exactly 1,000 events', async () => {
  const codes = await createDemoOrganisation(ledgers, 'load');
  const member = await signIn(codes.member);
  const manager = await signIn(codes.manager);
  const admin = await signIn(codes.admin);
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const dir = (await (await fetch(`${base}/v1/directory?q=priya`, { headers: headers(member) })).json()) as {
    entries: { id: string }[];
  };
  const priya = dir.entries[0].id;
  // A load test, not a use: lift the organisation's per-person limits first.
  await fetch(`${base}/v1/settings`, {
    method: 'PATCH',
    headers: headers(admin),
    body: JSON.stringify({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }),
  });
  const statuses = await Promise.all(
    Array.from({ length: 1000 }, async (_, i) => {
      const res = await fetch(`${base}/v1/thanks`, {
        method: 'POST',
        headers: { ...headers(member), 'idempotency-key': `concurrent-${i}` },
        body: JSON.stringify({ to: [{ kind: 'person', id: priya }], message: `Thank you #${i}` }),
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
  expect(statuses.filter((s) => s === 201)).toHaveLength(1000);
  const board = (await (await fetch(`${base}/v1/leaderboard?period=all`, { headers: headers(manager) })).json()) as {
    rows: { id: string; received: number }[];
  };
  expect(board.rows[0]).toMatchObject({ id: priya, received: 1000 });
  let thanks = 0;
  for (let after = 0; ; ) {
    const page = (await (
      await fetch(`${base}/v1/events?after=${after}&limit=500`, { headers: headers(admin) })
    ).json()) as {
      events: { type: string }[];
      last: number;
      more: boolean;
    };
    thanks += page.events.filter((e) => e.type === 'thank.created').length;
    if (!page.more) break;
    after = page.last;
  }
  expect(thanks).toBe(1000);
}, 60_000);

it('refuses a token at once after its sign-out, though tokens are read beside the ledger thread', async () => {
  const codes = await createDemoOrganisation(ledgers, 'revoke');
  const token = await signIn(codes.member);
  const auth = { authorization: `Bearer ${token}` };
  expect((await fetch(`${base}/v1/me`, { headers: auth })).status).toBe(200);
  expect((await fetch(`${base}/v1/me/session`, { method: 'DELETE', headers: auth })).status).toBeLessThan(300);
  expect((await fetch(`${base}/v1/me`, { headers: auth })).status).toBe(401);
});
