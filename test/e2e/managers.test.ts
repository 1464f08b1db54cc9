import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../shared/csv.ts';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { openLeaderboard, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

// The managers' page against the demo organisation with its ten weeks of history.
let server: RunningServer;
let b: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ history: true });
  b = await launchWithExtension();
  mkdirSync(screenshotDir, { recursive: true });
  const setup = await b.context.newPage();
  await setup.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await signIn(setup, server.url, server.codes.manager, 'Maya Okafor');
  await setup.close();
  page = await openLeaderboard(b);
  await page.setViewportSize({ width: 1200, height: 1000 });
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
const idle = () => page.locator('.result[aria-busy="false"]').waitFor();
/** Bars with a height: weeks with something in them. */
const bars = (chart: string) =>
  page.locator(`#${chart} rect`).evaluateAll((rs) => rs.filter((r) => Number(r.getAttribute('height')) > 0).length);
const names = (table: string) => page.locator(`#${table} tbody th`).allTextContents();

async function csvOf(button: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${button}`).click()]);
  return parseCsv(readFileSync((await download.path()) as string, 'utf8'));
}

it('ranks recognition, filters it by department, value and a custom range, and exports it as CSV', async () => {
  await page.locator('#leaderboard-table tbody tr').first().waitFor();
  await expect.poll(() => bars('thanks-trend')).toBeGreaterThan(6);
  expect(await page.locator('#unsung-table tbody th').allTextContents()).toContain('Aisha Bello');
  expect(await seriousA11yIssues(page)).toEqual([]);
  await shot('managers-recognition');

  const all = await names('leaderboard-table');
  expect(all.length).toBeGreaterThan(5);
  // The whole table, as the CSV a manager would open in a spreadsheet.
  const csv = await csvOf('leaderboard-table-csv');
  expect(csv.header).toEqual(['rank', 'name', 'thanks received', 'distinct givers', 'departments reached']);
  expect(csv.rows.map((r) => r.values.name)).toEqual(all);
  const firstRow = await page.locator('#leaderboard-table tbody tr').first().locator('th, td').allTextContents();
  expect(Object.values(csv.rows[0].values)).toEqual(firstRow);

  // IT only: its people, nobody else.
  await page.locator('#department').selectOption({ label: 'IT' });
  await idle();
  const it = await names('leaderboard-table');
  expect(it.length).toBeGreaterThan(0);
  for (const name of it) expect(['Alex Chen', 'Jonas Berg', 'Aisha Bello', 'Ravi Kapoor']).toContain(name);
  await page.locator('#department').selectOption({ label: 'All departments' });

  // One company value: fewer thanks than all values together.
  const total = async () =>
    (await page.locator('#leaderboard-table tbody tr td:nth-child(3)').allTextContents()).reduce(
      (s, n) => s + Number(n),
      0,
    );
  await idle();
  const everything = await total();
  await page.locator('#value').selectOption({ label: 'Teamwork' });
  await idle();
  expect(await total()).toBeLessThan(everything);
  await page.locator('#value').selectOption({ label: 'All values' });

  // A custom range names itself in the caption.
  await page.locator('#period').selectOption('custom');
  const from = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date().toISOString().slice(0, 10);
  await page.locator('#from').fill(from);
  await page.locator('#to').fill(to);
  const day = (iso: string) =>
    new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  await page.locator('#leaderboard-table-caption', { hasText: `${day(from)} – ${day(to)}` }).waitFor();

  // Departments, normalised by the asks they served.
  await page.locator('#period').selectOption('quarter');
  await page.locator('#show-departments').click();
  await page.locator('#leaderboard-table thead', { hasText: 'Thanks per 100 served' }).waitFor();
});

it('shows service against each standard, the hand-off heatmap and the weekly digest', async () => {
  await page.locator('#tab-service').click();
  await page.locator('#service-speed tbody tr').first().waitFor();
  expect(await names('service-speed')).toEqual(['Facilities', 'HR', 'IT', 'Legal', 'Payroll', 'Purchasing', 'Sales']);
  await expect.poll(() => bars('service-trend')).toBeGreaterThan(12);
  expect(await page.locator('#service-summary .stat').count()).toBe(6);
  const quality = await csvOf('service-quality-csv');
  expect(quality.header).toContain('communication');
  expect(quality.rows).toHaveLength(7);
  expect(await seriousA11yIssues(page)).toEqual([]);
  await shot('managers-service');

  await page.locator('#tab-handoffs').click();
  await page.locator('#handoff-heatmap td.heat').first().waitFor();
  const pairs = await csvOf('handoff-table-csv');
  expect(pairs.header).toEqual(['asked by', 'served by', 'asks', 'resolved', 'median time', 'forwarded', 'bounced']);
  expect(pairs.rows.some((r) => Number(r.values.forwarded) > 0)).toBe(true);
  expect(await seriousA11yIssues(page)).toEqual([]);
  await shot('managers-handoffs');

  await page.locator('#tab-digest').click();
  await page.locator('#digest-text', { hasText: 'Tandem weekly digest — Northwind Demo' }).waitFor();
  expect(await page.locator('#digest-text').textContent()).toContain('Unsung helpers');
  await shot('managers-digest');
});

it('takes a person who opts out in Settings off the board', async () => {
  await page.locator('#tab-recognition').click();
  await page.locator('#period').selectOption('quarter');
  await page.locator('#show-people').click();
  await page.locator('#leaderboard-table tbody th', { hasText: 'Maya Okafor' }).waitFor();
  const settings = await b.context.newPage();
  await settings.goto(`chrome-extension://${b.extensionId}/settings.html#boards`);
  await settings.getByLabel('Leave me off recognition boards and digests').check();
  await settings.locator('#boards-status', { hasText: 'You are off every board now.' }).waitFor();
  await settings.close();
  await page.reload();
  await page.locator('#period').selectOption('quarter');
  await page.locator('#leaderboard-table tbody tr').first().waitFor();
  await idle();
  expect(await names('leaderboard-table')).not.toContain('Maya Okafor');
});
