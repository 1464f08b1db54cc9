import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { openPanel, signIn as signInAs } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

// Two people, two browser profiles: Sam asks Payroll, Priya (Payroll) serves it, Sam rates and thanks.
let server: RunningServer;
let sam: ExtensionBrowser;
let priya: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  sam = await launchWithExtension();
  priya = await launchWithExtension();
});
afterAll(async () => {
  await sam?.close();
  await priya?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });

const open = async (b: ExtensionBrowser, context?: object) => (await openPanel(b, context)).panel;
const signIn = (panel: Page, code: string, name: string) => signInAs(panel, server.url, code, name);

const payslip = {
  url: 'https://payroll.example/payslips/2026-11',
  title: 'Payslip — November 2026',
  selection: 'Overtime: 0.00 h',
};
const subject = 'Overtime missing on my November payslip';

it('Sam asks Payroll with the page attached; Priya acknowledges, replies and resolves; Sam rates and thanks in two clicks', async () => {
  // Sam asks Payroll about the page he is on.
  const samPanel = await open(sam, payslip);
  await signIn(samPanel, server.codes.member, 'Sam Rivera');
  await samPanel.getByRole('button', { name: 'New' }).click();
  await samPanel.getByRole('button', { name: 'Ask', exact: true }).click();
  const to = samPanel.getByRole('combobox', { name: 'To' });
  await to.fill('payroll');
  await to.press('Enter');
  await samPanel.getByRole('button', { name: 'Remove Payroll' }).waitFor();
  await samPanel.getByLabel('Subject').fill(subject);
  await samPanel.getByLabel('Details').fill('6 approved hours on the 12th are not paid.');
  await samPanel.getByLabel('Importance').selectOption('high');
  await samPanel.getByRole('button', { name: 'Send' }).click();
  await samPanel.locator('#composer-status', { hasText: 'Ask sent to Payroll' }).waitFor();

  // Priya, in her own browser, finds it in Payroll's queue and serves it.
  const priyaPanel = await open(priya);
  await signIn(priyaPanel, server.codes.payroll, 'Priya Natarajan');
  await priyaPanel.getByRole('button', { name: 'Queue' }).click();
  await priyaPanel
    .getByRole('button', { name: new RegExp(`^${subject}`) })
    .first()
    .click();
  await priyaPanel.getByRole('heading', { name: subject }).waitFor();
  await priyaPanel.getByText(payslip.title).first().waitFor();
  await priyaPanel.getByRole('button', { name: 'Acknowledge' }).click();
  await priyaPanel.getByLabel('Reply').fill('Found it: the 12th was booked as leave. Fixed for the December run.');
  await priyaPanel.getByRole('button', { name: 'Send reply' }).click();
  await priyaPanel.getByText('Found it: the 12th was booked as leave.').waitFor();
  await priyaPanel.getByRole('button', { name: 'Resolve' }).click();
  // The detail's own status pill: list rows behind it carry hidden ones too.
  await priyaPanel.locator('#ask-detail .pill-resolved').waitFor();
  expect(await seriousA11yIssues(priyaPanel)).toEqual([]);
  await shot(priyaPanel, 'ask-detail-served');

  // Sam sees it at the top of his inbox: one click for the stars, one for "Rate and thank".
  await samPanel.getByRole('button', { name: 'Inbox' }).click();
  const card = samPanel.getByRole('radio', { name: '5 stars' });
  await card.waitFor({ timeout: 30_000 });
  await shot(samPanel, 'rate-and-thank');
  expect(await seriousA11yIssues(samPanel)).toEqual([]);
  await card.click();
  await samPanel.getByRole('button', { name: 'Rate and thank' }).click();
  await samPanel.getByRole('status').filter({ hasText: /thank/i }).first().waitFor();

  // The thank-you carries its ask, and the leaderboard counts it.
  const token = await apiToken(server.codes.payroll);
  const inbox = await api<{
    thanks: { askId: string | null; from: { name: string } }[];
    forMe: { id: string; subject: string; rating: { overall: number } | null }[];
  }>(token, '/v1/inbox');
  const served = inbox.forMe.find((a) => a.subject === subject);
  expect(served?.rating).toMatchObject({ overall: 5 });
  expect(inbox.thanks[0]).toMatchObject({ askId: served?.id, from: { name: 'Sam Rivera' } });
  const board = await api<{ rows: { name: string; received: number }[] }>(
    await apiToken(server.codes.manager),
    '/v1/leaderboard?period=all',
  );
  expect(board.rows).toContainEqual(expect.objectContaining({ name: 'Priya Natarajan', received: 1 }));
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
