import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ExtensionBrowser,
  findSidePanel,
  launchWithExtension,
  screenshotDir,
  seriousA11yIssues,
} from '../support/chromium.ts';
import { type DesktopNotifications, desktopNotifications } from '../support/desktop-notifications.ts';
import { layoutProblems } from '../support/layout.ts';
import { openPanel, signIn as signInAs } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Browser notifications with two people in two Chromium profiles: Sam asks Payroll and Priya is notified;
 * opening the notification shows the ask in her panel; she resolves it and Sam's notification's "Rate and
 * thank" opens the rating; Sam thanks and Priya is notified; in her quiet hours nothing pops up.
 *
 * The clicks are a person's: each browser shows its notifications through the desktop's notification service
 * (freedesktop.org Notifications over D-Bus, as on a Linux desktop; test/support/desktop-notifications.ts), and
 * the test clicks there. Chromium hands that click to the extension as a user gesture, so the background opens
 * the real side panel, closed before the click, on the ask (xdotool clicks on Chromium's own popup under Xvfb
 * never reached the extension, and events dispatched in the service worker carry no gesture).
 */
let server: RunningServer;
let sam: ExtensionBrowser;
let priya: ExtensionBrowser;
/** Each person's desktop: what it showed them, and where they click. */
let samDesktop: DesktopNotifications;
let priyaDesktop: DesktopNotifications;
/** Their real side panels, signed in by the first test. */
let samPanel: Page;
let priyaPanel: Page;

beforeAll(async () => {
  mkdirSync(join(screenshotDir, 'notifications'), { recursive: true });
  server = await startServer();
  samDesktop = await desktopNotifications();
  priyaDesktop = await desktopNotifications();
  sam = await launchWithExtension(undefined, undefined, undefined, samDesktop.env);
  priya = await launchWithExtension(undefined, undefined, undefined, priyaDesktop.env);
});
afterAll(async () => {
  await sam?.close();
  await priya?.close();
  await samDesktop?.stop();
  await priyaDesktop?.stop();
  await server?.stop();
});

type Chrome = {
  notifications: { getAll(): Promise<Record<string, boolean>> };
  runtime: {
    sendMessage(m: object): Promise<unknown>;
    getContexts(filter: { contextTypes: string[] }): Promise<{ contextType: string; documentUrl?: string }[]>;
  };
  storage: { local: { get(key: string): Promise<Record<string, { seq: number; account: string } | undefined>> } };
};
const worker = (b: ExtensionBrowser) => b.context.serviceWorkers()[0];

/** The ids of the notifications the browser shows now, as the service worker reads them. */
const shown = (b: ExtensionBrowser) =>
  worker(b).evaluate(async () =>
    Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()),
  );
/** What the background last told (its cursor), or undefined before its first sync after sign-in. */
const notified = (b: ExtensionBrowser) =>
  worker(b).evaluate(
    async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('notified')).notified,
  );
/** The message the panel sends after its own writes: the background syncs (and notifies) at once. */
const syncNow = (panel: Page) =>
  panel.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'changed' }));

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`[e2e] ${what}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
/** Syncs until a notification whose id starts with `prefix` shows; returns its id. */
async function notificationFor(b: ExtensionBrowser, panel: Page, prefix: string): Promise<string> {
  const ids = await until(
    `a ${prefix} notification`,
    async () => {
      await syncNow(panel);
      return shown(b);
    },
    (ids) => ids.some((id) => id.startsWith(prefix)),
  );
  return ids.find((id) => id.startsWith(prefix)) as string;
}
/** Where the extension's pages are open: 'SIDE_PANEL' or 'TAB', with their addresses. */
const pagesOpen = (b: ExtensionBrowser) =>
  worker(b).evaluate(async () =>
    (
      await (globalThis as unknown as { chrome: Chrome }).chrome.runtime.getContexts({
        contextTypes: ['SIDE_PANEL', 'TAB'],
      })
    ).map((c) => `${c.contextType} ${new URL(c.documentUrl ?? '').pathname}`),
  );
/** Closes the real side panel, as its close button does, so that only the notification's click can open it. */
async function closePanel(b: ExtensionBrowser, panel: Page) {
  await panel.evaluate(() => window.close()).catch(() => {});
  await until(
    'the side panel closed',
    () => pagesOpen(b),
    (open) => !open.some((p) => p.startsWith('SIDE_PANEL')),
  );
}
/**
 * Clicks, on the person's desktop, the notification it shows with this title (on its button `action`), and
 * returns the real side panel that the click opened.
 */
async function clickOnDesktop(b: ExtensionBrowser, desktop: DesktopNotifications, title: string, action?: string) {
  const shownThere = desktop.shown.filter((n) => n.title === title);
  expect(shownThere, `the desktop shows "${title}"`).toHaveLength(1);
  desktop.click(shownThere[0].id, action);
  const panel = await findSidePanel(b);
  // The real side panel, not the page in a tab the background falls back to when the click carries no gesture.
  const open = await pagesOpen(b);
  expect(open).toContain('SIDE_PANEL /sidepanel.html');
  expect(open).not.toContain('TAB /sidepanel.html');
  return panel;
}
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, 'notifications', `${name}.png`) });

async function signIn(b: ExtensionBrowser, code: string, name: string): Promise<Page> {
  const { panel } = await openPanel(b);
  await signInAs(panel, server.url, code, name);
  // The first sync after sign-in only sets the cursor: nothing from before pops up.
  await until(
    `${name}'s first sync`,
    () => notified(b),
    (n) => n !== undefined,
  );
  expect(await shown(b)).toEqual([]);
  return panel;
}

async function ask(panel: Page, subject: string) {
  await panel.getByRole('button', { name: 'New' }).click();
  await panel.getByRole('button', { name: 'Ask', exact: true }).click();
  const to = panel.getByRole('combobox', { name: 'To' });
  await to.fill('payroll');
  await to.press('Enter');
  await panel.getByRole('button', { name: 'Remove Payroll' }).waitFor();
  await panel.getByLabel('Subject').fill(subject);
  await panel.getByRole('button', { name: 'Send' }).click();
  await panel.locator('#composer-status', { hasText: 'Ask sent to Payroll' }).waitFor();
}

const subject = 'November payslip is missing overtime';

it('tells Priya of Sam’s ask, Sam of the resolution with Rate and thank, Priya of the thanks', async () => {
  samPanel = await signIn(sam, server.codes.member, 'Sam Rivera');
  priyaPanel = await signIn(priya, server.codes.payroll, 'Priya Natarajan');

  await ask(samPanel, subject);
  const newAsk = await notificationFor(priya, priyaPanel, 'tandem:newAsk:');
  expect(await shown(sam)).toEqual([]); // his own action
  expect(samDesktop.shown).toEqual([]);
  // On her desktop: who asked whom, and what.
  expect(priyaDesktop.shown).toEqual([expect.objectContaining({ title: 'Sam Rivera asked Payroll', body: subject })]);
  expect(priyaDesktop.shown[0].actions).not.toHaveProperty('0'); // no button: a click opens the ask
  // Her panel is closed; clicking the notification opens it on the ask.
  await closePanel(priya, priyaPanel);
  priyaPanel = await clickOnDesktop(priya, priyaDesktop, 'Sam Rivera asked Payroll');
  await priyaPanel.locator('#ask-heading', { hasText: subject }).waitFor();
  await until(
    'the clicked notification cleared',
    () => shown(priya),
    (ids) => !ids.includes(newAsk),
  );
  await shot(priyaPanel, 'opened-from-notification');

  // She resolves it; Sam's notification offers "Rate and thank", which opens the rating.
  await priyaPanel.getByRole('button', { name: 'Resolve' }).click();
  await priyaPanel.locator('#ask-detail .pill-resolved').waitFor();
  await notificationFor(sam, samPanel, 'tandem:resolved:');
  const title = 'Priya Natarajan resolved your ask';
  expect(samDesktop.shown.find((n) => n.title === title)?.actions).toMatchObject({ '0': 'Rate and thank' });
  await closePanel(sam, samPanel);
  samPanel = await clickOnDesktop(sam, samDesktop, title, '0');
  await samPanel.locator('#ask-heading', { hasText: subject }).waitFor();
  const stars = samPanel.getByRole('radio', { name: '5 stars' });
  await stars.waitFor();
  expect(await samPanel.evaluate(() => document.activeElement?.className)).toBe('rate-title');
  await shot(samPanel, 'rate-from-notification');
  await stars.click();
  await samPanel.getByRole('button', { name: 'Rate and thank' }).click();
  await samPanel.getByRole('status').filter({ hasText: /thank/i }).first().waitFor();

  // The thank-you reaches Priya's desktop.
  await notificationFor(priya, priyaPanel, 'tandem:thanks:');
  expect(priyaDesktop.shown.at(-1)?.title).toBe('Sam Rivera thanked you');
});

it('shows Priya nothing in her quiet hours, and the ask is in her panel', async () => {
  // Quiet from an hour ago to an hour from now, in UTC.
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  await priyaPanel.getByRole('button', { name: 'Notifications' }).click();
  await priyaPanel.getByRole('checkbox', { name: 'Do not disturb me' }).check();
  await priyaPanel.locator('#notify-start').fill(hhmm(Date.now() - 3_600_000));
  await priyaPanel.locator('#notify-end').fill(hhmm(Date.now() + 3_600_000));
  await priyaPanel.getByLabel('Time zone').selectOption('UTC');
  await priyaPanel.getByRole('button', { name: 'Save' }).click();
  await priyaPanel.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await priyaPanel.getByRole('button', { name: 'Back' }).click();

  const before = await shown(priya);
  const onDesktop = priyaDesktop.shown.length;
  const cursor = (await notified(priya))?.seq ?? 0;
  await ask(samPanel, 'Quiet-hours question about my bonus');
  await until(
    'Priya’s background read past the ask',
    async () => {
      await syncNow(priyaPanel);
      return (await notified(priya))?.seq ?? 0;
    },
    (seq) => seq > cursor + 1,
  );
  expect(await shown(priya)).toEqual(before);
  expect(priyaDesktop.shown.slice(onDesktop)).toEqual([]);
  await priyaPanel.getByRole('button', { name: 'Queue' }).click();
  await priyaPanel
    .getByRole('button', { name: /^Quiet-hours question about my bonus/ })
    .first()
    .waitFor();
  await shot(priyaPanel, 'quiet-hours-in-panel');
});

it('shows the Notifications view whole at 228 and 600 px, light and dark', async () => {
  const page = await priya.context.newPage();
  await page.goto(`chrome-extension://${priya.extensionId}/sidepanel.html`);
  await page.getByRole('button', { name: 'Notifications' }).click();
  await page.getByRole('button', { name: 'Save' }).waitFor();
  const found: string[] = [];
  for (const width of [228, 600]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${width}px ${scheme}: ${problem}`);
      await page.screenshot({
        path: join(screenshotDir, 'notifications', `prefs-${width}-${scheme}.png`),
        fullPage: true,
      });
    }
  }
  expect(found).toEqual([]);
  expect(await seriousA11yIssues(page)).toEqual([]);
});
