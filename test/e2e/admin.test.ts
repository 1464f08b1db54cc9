import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { openPanel, signIn } from '../support/panel.ts';
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

it('an admin adds a person and invites them; the invitee signs in with the one-time code', async () => {
  const { panel } = await openPanel(b);
  await signIn(panel, server.url, server.codes.admin, 'Alex Chen');
  const opened = b.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Settings' }).click();
  const settings = await opened;
  await settings.waitForLoadState();

  await settings.getByRole('button', { name: 'People', exact: true }).click();
  await settings.getByRole('button', { name: 'Add person' }).click();
  await settings.getByLabel('Name', { exact: true }).fill('Noor Haddad');
  await settings.getByLabel('Email').fill('noor.haddad@northwind.example');
  await settings.getByLabel('Title (optional)').fill('Payroll Analyst');
  await settings.getByRole('checkbox', { name: 'Payroll' }).check();
  await settings.getByRole('button', { name: 'Create person' }).click();
  await settings.getByRole('button', { name: 'Invite Noor Haddad' }).click();
  const code = await settings.getByRole('textbox', { name: 'Sign-in code' }).inputValue();
  expect(code).toMatch(/^demo\.[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(await seriousA11yIssues(settings)).toEqual([]);
  await settings.screenshot({ path: join(screenshotDir, 'settings-people.png') });

  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.url, code, 'Noor Haddad');
  // Noor works in Payroll: its queue is hers now.
  await panel.getByRole('button', { name: 'Queue' }).waitFor();
});
