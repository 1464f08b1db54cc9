import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { openLeaderboard, openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

// Sam (Sales) asks Payroll twice; Priya (Payroll) declines both in the side panel, gives one cause and skips the
// other; Maya, a manager, finds the cause on the hand-offs page for Sales → Payroll.
let server: RunningServer;
let priya: ExtensionBrowser;
let maya: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  priya = await launchWithExtension();
  maya = await launchWithExtension();
});
afterAll(async () => {
  await priya?.close();
  await maya?.close();
  await server?.stop();
});

const subjects = ['Bonus for a contractor', 'Payslip in another currency'];

async function askPayroll(subject: string) {
  const token = await apiToken(server.codes.member);
  const payroll = (
    await api<{ entries: { id: string; name: string }[] }>(token, '/v1/directory?q=Payroll')
  ).entries.find((e) => e.name === 'Payroll');
  const res = await fetch(`${server.url}/v1/asks`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ to: { kind: 'department', id: payroll?.id }, subject }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
}

async function decline(panel: Page, subject: string) {
  await panel.getByRole('button', { name: 'Queue' }).click();
  await panel
    .getByRole('button', { name: new RegExp(`^${subject}`) })
    .first()
    .click();
  await panel.getByRole('heading', { name: subject }).waitFor();
  await panel.getByRole('button', { name: 'Decline', exact: true }).click();
  await panel.getByLabel('Reason for declining').fill('Contractors are paid by Purchasing.');
  await panel.getByRole('button', { name: 'Decline ask' }).click();
  await panel.locator('#ask-detail .pill-declined').waitFor();
}

it('Priya declines in the side panel and taps "Tools or access"; the chooser fits 228 to 600 px, light and dark; Skip records nothing', async () => {
  for (const s of subjects) await askPayroll(s);
  const { panel } = await openPanel(priya);
  await signIn(panel, server.url, server.codes.payroll, 'Priya Natarajan');
  await decline(panel, subjects[0]);
  const chooser = panel.getByRole('region', { name: 'What got in the way?' });
  await chooser.waitFor();
  // Focus is on the question: Tab reaches the first cause, Enter taps it; here the person taps "Tools or access".
  expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('What got in the way?');
  expect(await seriousA11yIssues(panel)).toEqual([]);
  await chooser.getByRole('button', { name: 'Tools or access' }).click();
  await panel.getByText('Noted: Tools or access. Thank you.').waitFor();

  // The second, in a tab of the panel's page, to see the chooser at the panel's widths; then skipped by keyboard.
  const tab = await priya.context.newPage();
  await tab.goto(`chrome-extension://${priya.extensionId}/sidepanel.html`);
  await tab.locator('#me-name', { hasText: 'Priya Natarajan' }).waitFor();
  await decline(tab, subjects[1]);
  const second = tab.getByRole('region', { name: 'What got in the way?' });
  await second.waitFor();
  const found: string[] = [];
  for (const width of [228, 600]) {
    for (const scheme of ['light', 'dark'] as const) {
      await tab.setViewportSize({ width, height: 760 });
      await tab.emulateMedia({ colorScheme: scheme });
      await second.scrollIntoViewIfNeeded();
      for (const problem of await layoutProblems(tab)) found.push(`${width} ${scheme}: ${problem}`);
      const box = await second.boundingBox();
      if (box && box.x + box.width > width) found.push(`${width} ${scheme}: the chooser runs past the panel`);
      await tab.screenshot({ path: join(screenshotDir, `cause-chooser-${width}-${scheme}.png`) });
    }
  }
  expect(found).toEqual([]);
  await tab.keyboard.press('Escape');
  await second.waitFor({ state: 'detached' });
  await tab.close();
});

it('shows the cause on the managers’ hand-offs page for Sales → Payroll, at 360 and 1440 px; a member is refused it', async () => {
  const setup = await maya.context.newPage();
  await setup.goto(`chrome-extension://${maya.extensionId}/sidepanel.html`);
  await signIn(setup, server.url, server.codes.manager, 'Maya Okafor');
  await setup.close();
  const page = await openLeaderboard(maya);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.locator('#tab-handoffs').click();
  const row = page.locator('#handoff-causes tbody tr');
  await row.first().waitFor();
  expect(await row.count()).toBe(1);
  expect(await row.first().locator('th, td').allTextContents()).toEqual([
    'Sales',
    'Payroll',
    '1',
    '0',
    '0',
    '1',
    '0',
    '0',
    '0',
  ]);
  expect(await seriousA11yIssues(page)).toEqual([]);
  await page.locator('#handoff-causes').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(screenshotDir, 'handoff-causes-1440.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 900 });
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: join(screenshotDir, 'handoff-causes-360.png'), fullPage: true });

  const refused = await fetch(`${server.url}/v1/insights/handoffs?period=all`, {
    headers: { authorization: `Bearer ${await apiToken(server.codes.member)}` },
  });
  expect(refused.status).toBe(403);
  expect(await refused.text()).not.toContain('tools_or_access');
});

async function apiToken(code: string) {
  const res = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(token: string, path: string): Promise<T> {
  return (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
}
