import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { openPanel, signIn as signInAs } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Browser notifications with two people in two Chromium profiles: Sam asks Payroll and Priya is notified;
 * opening the notification shows the ask in her panel; she resolves it and Sam's notification's "Rate and
 * thank" opens the rating; Sam thanks and Priya is notified; in her quiet hours nothing pops up.
 *
 * The clicks: headed under Xvfb, Chromium does draw its own popup for a notification (a 360×144 window at the
 * screen's corner), but xdotool clicks on it (a click, and a slow move, press and release) never reached
 * `notifications.onClicked` when tried here. So the test fires the notification events themselves in the
 * extension's service worker (`onClicked.dispatch`, `onButtonClicked.dispatch`): the listeners the background
 * registered run exactly as for a click, but without the click's user gesture, so Chrome refuses
 * `sidePanel.open` and the background falls back to opening the panel page in a tab; the panel already open
 * applies the intent as well, and that is what the test reads.
 */
let server: RunningServer;
let sam: ExtensionBrowser;
let priya: ExtensionBrowser;
/** Their real side panels, signed in by the first test. */
let samPanel: Page;
let priyaPanel: Page;

beforeAll(async () => {
  mkdirSync(join(screenshotDir, 'notifications'), { recursive: true });
  server = await startServer();
  sam = await launchWithExtension();
  priya = await launchWithExtension();
});
afterAll(async () => {
  await sam?.close();
  await priya?.close();
  await server?.stop();
});

type Chrome = {
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    onClicked: { dispatch(id: string): void };
    onButtonClicked: { dispatch(id: string, button: number): void };
  };
  storage: { local: { get(key: string): Promise<Record<string, { seq: number; account: string } | undefined>> } };
  runtime: { sendMessage(m: object): Promise<unknown> };
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
const click = (b: ExtensionBrowser, id: string) =>
  worker(b).evaluate(
    (n) => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.onClicked.dispatch(n),
    id,
  );
const clickButton = (b: ExtensionBrowser, id: string) =>
  worker(b).evaluate(
    (n) => (globalThis as unknown as { chrome: Chrome }).chrome.notifications.onButtonClicked.dispatch(n, 0),
    id,
  );
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
  // Opening it shows the ask in her panel.
  await click(priya, newAsk);
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
  const resolved = await notificationFor(sam, samPanel, 'tandem:resolved:');
  await clickButton(sam, resolved);
  await samPanel.locator('#ask-heading', { hasText: subject }).waitFor();
  const stars = samPanel.getByRole('radio', { name: '5 stars' });
  await stars.waitFor();
  expect(await samPanel.evaluate(() => document.activeElement?.className)).toBe('rate-title');
  await shot(samPanel, 'rate-from-notification');
  await stars.click();
  await samPanel.getByRole('button', { name: 'Rate and thank' }).click();
  await samPanel.getByRole('status').filter({ hasText: /thank/i }).first().waitFor();

  // The thank-you reaches Priya.
  await notificationFor(priya, priyaPanel, 'tandem:thanks:');
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
