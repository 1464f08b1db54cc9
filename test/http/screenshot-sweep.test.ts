import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { sweepScreenshots } from '../../server/blobs/sweep.ts';
import { createApp } from '../../server/http/app.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { sweepScreenshotsPeriodically } from '../../server/node/screenshot-sweep.ts';
import { nodeScreenshots } from '../../server/node/screenshots.ts';
import { createDemoOrganisation } from '../../server/setup/organisation.ts';
import { bearer, post } from '../support/node-app.ts';

/* Node: screenshots are files under the data directory (fs-lite); the ledger's clock is moved. */
const dir = mkdtempSync(join(tmpdir(), 'tandem-sweep-'));
const hour = 3_600_000;
let clock = Date.now();
const config = createStorage({ driver: memory() });
const ledgers = nodeLedgers(':memory:', config, { now: () => new Date(clock) });
const screenshots = nodeScreenshots(dir);
const app = createApp({ ledgers, screenshots });
let member = '';
let payroll = '';

// Two different pictures: a PNG is known by its first bytes; what follows differs.
const png = (tail: string) => `data:image/png;base64,${btoa(`\x89PNG\r\n\x1a\n${tail}`)}`;
const upload = async (image: string) => {
  const res = await app.request('/v1/screenshots', post({ image }, bearer(member)));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};
const ask = (screenshot: string, key: string) =>
  app.request(
    '/v1/asks',
    post(
      {
        to: { kind: 'department', id: payroll },
        subject: 'See the picture',
        context: { url: `https://x.test/${key}`, screenshot },
      },
      { ...bearer(member), 'idempotency-key': key },
    ),
  );
const files = () => readdirSync(dir, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))).length;

beforeAll(async () => {
  const codes = await createDemoOrganisation(ledgers, 'demo');
  const signIn = await app.request('/v1/session', post({ code: codes.member }));
  member = ((await signIn.json()) as { token: string }).token;
  const dirRes = await app.request('/v1/directory?q=Payroll', { headers: bearer(member) });
  payroll = ((await dirRes.json()) as { entries: { id: string }[] }).entries[0].id;
});
afterAll(() => {
  ledgers.close();
  rmSync(dir, { recursive: true, force: true });
});

it('removes a screenshot no ask attached after a day, and never one an ask attached', async () => {
  const demo = await ledgers.open('demo');
  if (!demo) throw new Error('no demo');
  const attached = await upload(png('AAAAattached'));
  const unattached = await upload(png('BBBBunattached'));
  expect((await ask(attached, 'sweep-ask-1')).status).toBe(201);
  expect(files()).toBe(2);

  clock += 23 * hour;
  expect(await sweepScreenshots(demo, 'demo', screenshots)).toBe(0);
  expect(files()).toBe(2);

  clock += 2 * hour;
  expect(await sweepScreenshots(demo, 'demo', screenshots)).toBe(1);
  expect(files()).toBe(1);
  const askId = (
    (await (await app.request('/v1/inbox', { headers: bearer(member) })).json()) as {
      sent: { id: string }[];
    }
  ).sent[0].id;
  expect((await app.request(`/v1/asks/${askId}/screenshot`, { headers: bearer(member) })).status).toBe(200);

  // Much later, still kept; a late ask naming the removed one is told to upload it again.
  clock += 40 * 24 * hour;
  expect(await sweepScreenshots(demo, 'demo', screenshots)).toBe(0);
  expect((await app.request(`/v1/asks/${askId}/screenshot`, { headers: bearer(member) })).status).toBe(200);
  const late = await ask(unattached, 'sweep-ask-2');
  expect(late.status).toBe(400);
  expect(await late.json()).toMatchObject({
    error: { code: 'validation_failed', fields: { 'context.screenshot': expect.any(String) } },
  });
  // Uploaded again, it is attached as any other.
  expect(await upload(png('BBBBunattached'))).toBe(unattached);
  expect((await ask(unattached, 'sweep-ask-3')).status).toBe(201);
});

it('runs on Node from a timer over every organisation', async () => {
  await upload(png('CCCCforgotten'));
  const before = files();
  clock += 25 * hour;
  const stop = sweepScreenshotsPeriodically(ledgers, config, screenshots);
  await vi.waitFor(() => expect(files()).toBe(before - 1));
  stop();
  expect(existsSync(dir)).toBe(true);
});
