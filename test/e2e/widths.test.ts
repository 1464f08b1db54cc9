import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir } from '../support/chromium.ts';
import { cutLabels, layoutProblems } from '../support/layout.ts';
import { signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Every view at the widths people use, light and dark: nothing scrolls sideways, nothing sits outside
 * the window, no text is cut without an ellipsis. Screenshots go to test-results/widths/ to look at.
 */
const pageWidths = [360, 1000, 1440];
const panelWidths = [228, 320, 360, 600];
const schemes = ['light', 'dark'] as const;
const shots = join(screenshotDir, 'widths');

let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer({ history: true });
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

/** Checks the page as it is now at every width and scheme; returns what was wrong, by view. */
async function everyWidth(page: Page, view: string, widths: number[], show?: () => Promise<void>) {
  const found: string[] = [];
  for (const width of widths) {
    for (const scheme of schemes) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await show?.();
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${view} at ${width}px ${scheme}: ${problem}`);
      await page.screenshot({ path: join(shots, `${view}-${width}-${scheme}.png`), fullPage: true });
    }
  }
  return found;
}

it('shows the panel’s sign-in whole from 228 to 600 px, light and dark, with what to check when a server is unreachable', async () => {
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await panel.getByLabel('Server').fill('http://127.0.0.1:9');
  await panel.getByLabel('Sign-in code').fill(server.codes.admin);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.getByText('Cannot reach this server').waitFor();
  expect(await everyWidth(panel, 'panel-sign-in', panelWidths)).toEqual([]);
  // Signed in from here on, as an admin: every view below is theirs.
  await signIn(panel, server.url, server.codes.admin, 'Alex Chen');
  await panel.close();
});

it('shows every settings section whole from 360 to 1440 px, light and dark', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/settings.html`);
  const sections = [
    'Your sign-ins',
    'Recognition boards',
    'Weekly digest',
    'People',
    'Departments',
    'Values',
    'Import',
    'Limits',
    'Webhooks',
  ];
  const found: string[] = [];
  for (const section of sections) {
    const show = async () => {
      await page.getByRole('button', { name: section, exact: true }).click();
      await page.locator('.settings-main h2').first().waitFor();
    };
    const view = `settings-${section.toLowerCase().replace(/\s+/g, '-')}`;
    found.push(...(await everyWidth(page, view, pageWidths, show)));
  }
  expect(found).toEqual([]);
});

it('shows every view of the managers’ page whole from 360 to 1440 px, light and dark', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/leaderboard.html`);
  const found: string[] = [];
  for (const tab of ['recognition', 'service', 'handoffs', 'digest', 'pulses']) {
    const show = async () => {
      await page.locator(`#tab-${tab}`).click();
      await page.locator(`#${tab}-view .card`).first().waitFor();
    };
    found.push(...(await everyWidth(page, `managers-${tab}`, pageWidths, show)));
  }
  // Every section's name whole at the narrowest width, not ended with an ellipsis.
  await page.setViewportSize({ width: 360, height: 900 });
  found.push(...(await cutLabels(page, '.page-tabs .toggle-label')));
  // A custom range shows two more fields.
  await page.locator('#tab-recognition').click();
  await page.locator('#period').selectOption('custom');
  found.push(...(await everyWidth(page, 'managers-custom-range', pageWidths)));
  expect(found).toEqual([]);
});

it('shows the side panel’s composer whole from 228 (Firefox’s sidebar) to 600 px, light and dark', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  // A page with a long title and address, as a quick capture attaches it.
  await page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }
    ).chrome.storage.session.set({
      pageContext: {
        url: `https://payroll.example/payslips/2026-11/${'long-path/'.repeat(12)}`,
        title: 'Payslip — November 2026 — a title long enough to need an ellipsis in any side panel',
        selection: 'Overtime: 0.00 h',
      },
    }),
  );
  await page.locator('#tab-new').click();
  const to = page.getByRole('combobox', { name: 'To' });
  const pick = async (query: string, name: string) => {
    await to.fill(query);
    await to.press('Enter');
    await page.getByRole('button', { name: `Remove ${name}` }).waitFor();
  };
  const found: string[] = [];
  for (const width of [228, 320, 360, 600]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await pick('payr', 'Payroll');
    found.push(...(await everyWidth(page, `composer-ask-${width}`, [width])));
    // The view tabs' words whole, "Inbox" with its count too (Alex has asks waiting), and the header's.
    for (const cut of await cutLabels(page, '.panel > .tabs .toggle-label, #open-leaderboard span'))
      found.push(`at ${width}px: ${cut}`);
    await page.getByRole('button', { name: 'Thank', exact: true }).click();
    for (const [query, name] of [
      ['pri', 'Priya Natarajan'],
      ['jon', 'Jonas Berg'],
    ]) {
      await pick(query, name);
    }
    found.push(...(await everyWidth(page, `composer-thank-${width}`, [width])));
    for (const name of ['Payroll', 'Priya Natarajan', 'Jonas Berg']) {
      await page.getByRole('button', { name: `Remove ${name}` }).click();
    }
  }
  expect(found).toEqual([]);
});
