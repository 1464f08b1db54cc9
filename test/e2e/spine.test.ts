import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { openLeaderboard, openPanel, signIn as signInAs } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`) });

const signIn = (panel: Page, code: string, name: string) => signInAs(panel, server.url, code, name);

async function pick(panel: Page, query: string, name: string) {
  const to = panel.getByRole('combobox', { name: 'To' });
  await to.fill(query);
  await panel
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .waitFor();
  await to.press('ArrowDown');
  await to.press('Enter');
  await panel.getByRole('button', { name: `Remove ${name}` }).waitFor();
}

const payslip = {
  url: 'https://payroll.example/payslips/2026-11',
  title: 'Payslip — November 2026',
  selection: 'Overtime: 0.00 h',
};

it('a member thanks a person and asks a department in the real side panel; the manager sees the thank-you on the leaderboard', async () => {
  // The real side panel, opened by a user gesture, with the page attached as a toolbar click captures it
  // (a click on the toolbar itself needs a real window manager).
  const { panel } = await openPanel(b, payslip);
  await panel.getByLabel('Sign-in code').waitFor();
  expect(await seriousA11yIssues(panel)).toEqual([]);
  await shot(panel, 'sidepanel-sign-in');
  await signIn(panel, server.codes.member, 'Sam Rivera');
  await panel.getByRole('button', { name: 'New' }).click();

  // Thank a person, keyboard only: pick, write, Ctrl+Enter.
  await panel.getByRole('button', { name: 'Thank', exact: true }).click();
  await pick(panel, 'pri', 'Priya Natarajan');
  await panel.getByLabel('Message').fill('You found my missing overtime in ten minutes. Thank you!');
  await panel.getByRole('button', { name: 'Teamwork' }).click();
  await panel.getByLabel('Message').press('Control+Enter');
  await panel.locator('#composer-status', { hasText: 'Thanks sent to Priya Natarajan' }).waitFor();

  // Ask a department, with the page attached.
  await panel.getByRole('button', { name: 'Ask', exact: true }).click();
  await pick(panel, 'payr', 'Payroll');
  await panel.getByLabel('Subject').fill('Overtime missing on my November payslip');
  await panel.getByLabel('Details').fill('6 hours on the 12th were approved but are not paid.');
  await expect(panel.getByLabel('Attach this page').isChecked()).resolves.toBe(true);
  await panel.locator('#ask-context', { hasText: payslip.title }).waitFor();
  await shot(panel, 'sidepanel-ask');
  await panel.getByRole('button', { name: 'Send' }).click();
  await panel.locator('#composer-status', { hasText: 'Ask sent to Payroll' }).waitFor();
  await panel.getByRole('button', { name: 'Inbox' }).click();
  await panel.getByRole('button', { name: 'Sent' }).click();
  await panel.locator('#inbox-sent', { hasText: 'Overtime missing on my November payslip' }).waitFor();
  expect(await seriousA11yIssues(panel)).toEqual([]);
  await shot(panel, 'sidepanel-inbox');
  await panel.emulateMedia({ colorScheme: 'dark' });
  await shot(panel, 'sidepanel-dark');
  await panel.emulateMedia({ colorScheme: 'light' });

  // The ledger holds the ask with its page context, as the requester sees it through the API.
  const session = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: server.codes.member }),
  });
  const { token } = (await session.json()) as { token: string };
  const inbox = (await (
    await fetch(`${server.url}/v1/inbox`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    sent: { to: { name: string }; context: unknown }[];
  };
  expect(inbox.sent[0]).toMatchObject({ to: { name: 'Payroll' }, context: payslip });

  // A member is told the leaderboard is not for them.
  const memberView = await openLeaderboard(b);
  await memberView.locator('#leaderboard-notice', { hasText: 'for managers and admins' }).waitFor();

  // The manager signs in and finds the thank-you counted.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.codes.manager, 'Maya Okafor');
  const board = await openLeaderboard(b);
  const row = board.locator('#leaderboard-table tr', { hasText: 'Priya Natarajan' });
  await row.waitFor();
  // Rank, name, thanks received, distinct givers, departments reached (Sam is in Sales).
  expect(await row.locator('th, td').allTextContents()).toEqual(['1', 'Priya Natarajan', '1', '1', '1']);
  expect(await seriousA11yIssues(board)).toEqual([]);
  await shot(board, 'leaderboard');
  await board.emulateMedia({ colorScheme: 'dark' });
  await shot(board, 'leaderboard-dark');
});
