import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/chromium.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Nothing a user wrote is lost: with the API down, 20 asks and thanks are composed; the browser is
 * restarted and the API started again; exactly 20 records arrive, none twice.
 */
let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

const outboxLength = (browser: ExtensionBrowser) =>
  browser.context.serviceWorkers()[0].evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    };
    const { outbox } = await chrome.storage.local.get('outbox');
    return Array.isArray(outbox) ? outbox.length : 0;
  });

async function pick(panel: Page, query: string, name: string) {
  const to = panel.getByRole('combobox', { name: 'To' });
  await to.fill(query);
  await to.press('Enter');
  await panel.getByRole('button', { name: `Remove ${name}` }).waitFor();
}

async function tokenFor(code: string): Promise<string> {
  const session = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await session.json()) as { token: string }).token;
}

async function api<T>(path: string, token: string): Promise<T> {
  return (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
}

it('keeps 20 sends made while the API is down, and delivers each exactly once after a browser restart', async () => {
  const { panel } = await openPanel(b);
  await signIn(panel, server.url, server.codes.member, 'Sam Rivera');
  await panel.getByRole('button', { name: 'New' }).click();
  await server.pause();

  const people = [
    ['pri', 'Priya Natarajan'],
    ['jon', 'Jonas Berg'],
    ['ais', 'Aisha Bello'],
    ['car', 'Carlos Mendes'],
    ['han', 'Hannah Weiss'],
  ];
  for (let i = 0; i < 20; i++) {
    if (i % 2 === 0) {
      await panel.getByRole('button', { name: 'Thank', exact: true }).click();
      const [query, name] = people[(i / 2) % people.length];
      await pick(panel, query, name);
      await panel.getByLabel('Message').fill(`Offline thanks #${i}`);
    } else {
      await panel.getByRole('button', { name: 'Ask', exact: true }).click();
      await pick(panel, 'payr', 'Payroll');
      await panel.getByLabel('Subject').fill(`Offline ask #${i}`);
    }
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.locator('#composer-status', { hasText: 'Saved' }).waitFor();
    await expect.poll(() => outboxLength(b), { timeout: 10_000 }).toBe(i + 1);
  }

  // Browser restart, then the API comes back.
  const profile = b.profile;
  await b.close({ keepProfile: true });
  await server.restart();
  b = await launchWithExtension(profile);

  type Events = { events: { type: string; subjectId: string }[]; more: boolean; last: number };
  const [member, admin] = [await tokenFor(server.codes.member), await tokenFor(server.codes.admin)];
  const delivered = async () => {
    const sent = await api<{ sent: { subject: string }[] }>('/v1/inbox', member);
    const events = await api<Events>('/v1/events?after=0&limit=500', admin);
    const thanks = events.events.filter((e) => e.type === 'thank.created');
    return { asks: sent.sent.map((a) => a.subject), thanks: thanks.length };
  };
  const total = async () => {
    const d = await delivered();
    return d.asks.length + d.thanks;
  };
  const restartedAt = Date.now();
  await expect
    .poll(total, { timeout: 90_000, interval: 500 })
    .toBe(20)
    .catch(async (e) => {
      const outbox = await b.context
        .serviceWorkers()[0]
        .evaluate(() =>
          (
            globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }
          ).chrome.storage.local.get('outbox'),
        );
      console.log('DEBUG', JSON.stringify(await delivered()), JSON.stringify(outbox).slice(0, 2500));
      throw e;
    });
  console.log(`[e2e] outbox delivered ${Date.now() - restartedAt} ms after the restart`);
  const { asks, thanks } = await delivered();
  expect(new Set(asks).size).toBe(10);
  expect(thanks).toBe(10);
  expect(await outboxLength(b)).toBe(0);

  // The panel shows them delivered: nothing left in the outbox, the asks in Sent.
  const reopened = await openPanel(b);
  await reopened.panel.getByRole('button', { name: 'Sent' }).click();
  await reopened.panel.locator('#inbox-sent', { hasText: 'Offline ask #19' }).waitFor();
  expect(await reopened.panel.locator('#outbox').isVisible()).toBe(false);
}, 240_000);
