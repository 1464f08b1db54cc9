import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DesktopNotifications, desktopNotifications } from '../support/desktop-notifications.ts';
import { launchFirefox, openAddonPage } from '../support/firefox.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';
import { startXvfb } from '../support/xvfb.ts';

/*
 * The Firefox build (MV2) in Debian's firefox-esr: Priya signed in, Sam asks Payroll and thanks her twice
 * through the API, and the Firefox build's background notifies her of the ask, then of both thank-yous at once
 * (one grouped "basic" notification: Firefox has no list notifications and no buttons). Firefox shows them
 * through the desktop's notification service (a D-Bus bus of the test's own: desktop-notifications.ts), where
 * the test reads them and clicks, as a person does.
 */
let server: RunningServer;
let firefox: { browser: Browser; base: string };
let xvfb: Awaited<ReturnType<typeof startXvfb>>;
let desktop: DesktopNotifications;

beforeAll(async () => {
  server = await startServer();
  // Headed, as a person has it (headless Firefox has no alert service to show notifications with).
  xvfb = await startXvfb();
  desktop = await desktopNotifications();
  firefox = await launchFirefox(xvfb.display, {}, desktop.env);
});
afterAll(async () => {
  await firefox?.browser.close();
  await server?.stop();
  xvfb?.stop();
  await desktop?.stop();
});

type Ext = {
  browser: {
    extension: { getViews(filter: { type: 'sidebar' | 'tab' }): Window[] };
    runtime: { sendMessage(m: object): Promise<unknown> };
    storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  };
};

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const value = await read().catch(() => undefined as T);
    if (value !== undefined && ok(value)) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`[e2e] timed out waiting for ${what}`);
}

async function asSam<T>(method: string, path: string, body: unknown): Promise<T> {
  const session = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: server.codes.member }),
  });
  const { token } = (await session.json()) as { token: string };
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/**
 * What the background has told, after asking it to sync as the panel does after its own writes. It records an
 * item as told only once `notifications.create` resolved for it: a notification Firefox refused (an option it
 * does not support) would throw and leave the cursor where it was. (Firefox's own `getAll` and `onShown` did
 * not report the background's notifications to a page here, headless or headed under Xvfb.)
 */
const toldAfterSync = async (panel: Page) =>
  panel.evaluate(async () => {
    const { browser } = globalThis as unknown as Ext;
    await browser.runtime.sendMessage({ type: 'changed' });
    const { notified } = await browser.storage.local.get('notified');
    return (notified as { told: string[] } | undefined)?.told ?? [];
  });

it('notifies Priya of Sam’s ask, then of his two thank-yous together, in Firefox', async () => {
  const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
  await until('the sign-in form', () => panel.evaluate(() => !!document.querySelector('#sign-in-code')), Boolean);
  await panel.evaluate(() => {
    (document.querySelector('#server-url') as HTMLInputElement).value = '';
  });
  await panel.type('#server-url', server.url);
  await panel.type('#sign-in-code', server.codes.payroll);
  await panel.click('#sign-in');
  await until(
    'the first sync after sign-in',
    () =>
      panel.evaluate(async () => (await (globalThis as unknown as Ext).browser.storage.local.get('notified')).notified),
    (n) => n !== undefined,
  );

  const { departments } = await asSam<{ departments: { id: string; name: string }[] }>(
    'GET',
    '/v1/departments',
    undefined,
  );
  const payroll = departments.find((d) => d.name === 'Payroll');
  await asSam('POST', '/v1/asks', { to: { kind: 'department', id: payroll?.id }, subject: 'Firefox payslip' });
  const first = await until(
    'the ask’s notification',
    () => toldAfterSync(panel),
    (ids) => ids.length > 0,
  );
  expect(first).toEqual([expect.stringMatching(/^newAsk:/)]);
  expect(desktop.shown).toEqual([
    expect.objectContaining({ title: 'Sam Rivera asked Payroll', body: 'Firefox payslip' }),
  ]);

  // Her click on the desktop: Firefox refuses to open the sidebar from it (not a user input to Firefox), but the
  // sidebar, open since the add-on's install, shows the ask, and no tab is opened besides.
  const panelTabs = () =>
    panel.evaluate(
      () =>
        (globalThis as unknown as Ext).browser.extension
          .getViews({ type: 'tab' })
          .filter((w) => w.location.pathname === '/sidepanel.html').length,
    );
  const tabsBefore = await panelTabs();
  desktop.click(desktop.shown[0].id);
  await until(
    'the ask in the sidebar',
    () =>
      panel.evaluate(
        () =>
          (globalThis as unknown as Ext).browser.extension
            .getViews({ type: 'sidebar' })[0]
            ?.document.querySelector('#ask-heading')?.textContent,
      ),
    (heading) => heading === 'Firefox payslip',
  );
  expect(await panelTabs()).toBe(tabsBefore);

  const directory = await asSam<{ entries: { id: string; name: string }[] }>('GET', '/v1/directory?q=priya', undefined);
  const priya = directory.entries.find((e) => e.name === 'Priya Natarajan');
  for (const message of ['Thanks once', 'Thanks twice']) {
    await asSam('POST', '/v1/thanks', { to: [{ kind: 'person', id: priya?.id }], message });
  }
  const then = await until(
    'the thank-yous’ notification',
    () => toldAfterSync(panel),
    (ids) => ids.length > 2,
  );
  expect(then).toEqual([first[0], expect.stringMatching(/^thanks:/), expect.stringMatching(/^thanks:/)]);
  // One notification for both, listing them.
  expect(desktop.shown, JSON.stringify(desktop.shown)).toHaveLength(2);
  expect(desktop.shown[1].title).toBe('2 new in Tandem');
  expect(desktop.shown[1].body).toMatch(/Thanks once[\s\S]*Thanks twice|Thanks twice[\s\S]*Thanks once/);
});
