import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createStorage } from 'unstorage';
import fsLite from 'unstorage/drivers/fs-lite';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.ts';
import { ledgerFilename } from '../../server/node/ledgers.ts';
import { nodeScreenshots } from '../../server/node/screenshots.ts';
import { threadedLedgers } from '../../server/node/threaded-ledgers.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';

// The ledger thread dies under load (terminated mid-batch, as a crash in native code would end it).
const dir = mkdtempSync(join(tmpdir(), 'tandem-restart-'));
const ledgers = threadedLedgers(dir, createStorage({ driver: fsLite({ base: join(dir, 'config') }) }));
const app = createApp({ ledgers, screenshots: nodeScreenshots(dir) });
afterAll(async () => {
  await ledgers.close();
  rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

it('refuses what is in flight when the ledger thread dies, starts another, and every retry lands exactly once', async () => {
  const codes = await createDemoOrganisation(ledgers, 'restart');
  const signIn = async (code: string) =>
    ((await (await app.request('/v1/session', { method: 'POST', ...json({ code }) })).json()) as { token: string })
      .token;
  const [member, admin] = [await signIn(codes.member), await signIn(codes.admin)];
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  await app.request('/v1/settings', {
    method: 'PATCH',
    ...json({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }, auth(admin)),
  });
  const found = await app.request('/v1/directory?q=priya', { headers: auth(member) });
  const priya = ((await found.json()) as { entries: { id: string }[] }).entries[0].id;
  const send = (i: number) =>
    app.request('/v1/thanks', {
      method: 'POST',
      ...json(
        { to: [{ kind: 'person', id: priya }], message: `Thanks #${i}` },
        { ...auth(member), 'idempotency-key': `restart-${i}` },
      ),
    });

  // 40 senders keep the thread busy, before, across and after its death, until its successor has
  // answered 100 more: there are always calls in flight when it dies.
  const first = ledgers.thread().worker;
  const results: { i: number; status: number; body: { id?: string; error?: { code: string } } }[] = [];
  let sent = 0;
  let afterRestart = 0;
  let acks = 0;
  const sender = async () => {
    while (afterRestart < 100 && sent < 20_000) {
      const i = sent++;
      const res = await send(i);
      results.push({ i, status: res.status, body: await res.json() });
      if (res.status !== 201) {
        await pause(10); // refused at once while no thread runs: a client backs off
        continue;
      }
      if (++acks === 100) void first?.terminate();
      if (ledgers.thread().restarts > 0 && ledgers.thread().worker) afterRestart++;
    }
  };
  await Promise.all(Array.from({ length: 40 }, sender));
  const acked = results.filter((r) => r.status === 201);
  const refused = results.filter((r) => r.status !== 201);
  expect(acked.length).toBeGreaterThanOrEqual(200);
  expect(refused.length).toBeGreaterThan(0);
  for (const r of refused) expect([r.status, r.body.error?.code]).toEqual([503, 'unavailable']);

  // The client's outbox: send each refused one again with its key until it is answered.
  const landed = new Map(acked.map((r) => [r.i, r.body.id as string]));
  for (const r of refused) {
    for (let attempt = 0; !landed.has(r.i); attempt++) {
      expect(attempt).toBeLessThan(50);
      const res = await send(r.i);
      if (res.status === 201) landed.set(r.i, ((await res.json()) as { id: string }).id);
      else await pause(100);
    }
  }
  const { worker, restarts } = ledgers.thread();
  expect(restarts).toBe(1);
  expect(worker).not.toBe(first);

  // Exactly once: one thank-you per key sent, each acknowledged id among them, and the counter agrees.
  const db = new Database(ledgerFilename(dir, 'restart'), { readonly: true });
  try {
    const ids = db.prepare("SELECT id FROM thanks WHERE message LIKE 'Thanks #%'").pluck().all() as string[];
    expect(ids).toHaveLength(sent);
    expect(new Set(ids)).toEqual(new Set(landed.values()));
    const events = db.prepare("SELECT COUNT(*) FROM events WHERE type = 'thank.created'").pluck().get();
    expect(events).toBe(sent);
  } finally {
    db.close();
  }
  const board = await app.request('/v1/leaderboard?period=all', { headers: auth(await signIn(codes.manager)) });
  expect(((await board.json()) as { rows: { id: string; received: number }[] }).rows[0]).toMatchObject({
    id: priya,
    received: sent,
  });
}, 60_000);
