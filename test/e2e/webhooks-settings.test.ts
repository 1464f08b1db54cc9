import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';
import { verifies, webhookReceiver } from '../support/webhook-receiver.ts';

/*
 * An admin adds a webhook in Settings (the real server, its delivery loop and a receiver on loopback): the
 * secret shown once verifies what arrives; a test arrives and shows as delivered; a public thank-you arrives.
 */
let server: RunningServer;
let b: ExtensionBrowser;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  receiver = await webhookReceiver();
  server = await startServer({ env: { TANDEM_WEBHOOK_ALLOW_HTTP: '1', TANDEM_WEBHOOK_ALLOW_PRIVATE: '1' } });
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
  await receiver?.close();
});

async function until(check: () => boolean, what: string) {
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`[e2e] waited for ${what}`);
}

it('an admin adds a webhook, keeps its secret, sends a test and sees it delivered', async () => {
  const { panel } = await openPanel(b);
  await signIn(panel, server.url, server.codes.admin, 'Alex Chen');
  const opened = b.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Settings' }).click();
  const settings = await opened;
  await settings.waitForLoadState();

  await settings.getByRole('button', { name: 'Webhooks', exact: true }).click();
  await settings.getByLabel('Name', { exact: true }).fill('Event bus');
  await settings.getByLabel('Where').selectOption('standard');
  await settings.getByLabel('Webhook URL').fill(receiver.url('/bus'));
  await settings.getByRole('button', { name: 'Add webhook' }).click();
  const secret = await settings.getByRole('textbox', { name: 'Secret' }).inputValue();
  expect(secret).toMatch(/^whsec_/);
  const card = settings.getByRole('article', { name: /Event bus/ });
  await card.getByText('Active').waitFor();

  await card.getByRole('button', { name: 'Send test to Event bus' }).click();
  await until(() => receiver.all.length === 1, 'the test to arrive');
  expect(JSON.parse(receiver.all[0].body)).toMatchObject({ type: 'ping' });
  expect(verifies(secret, receiver.all[0])).toBe(true);
  await card.getByRole('button', { name: 'Recent deliveries' }).click();
  const table = settings.getByRole('table', { name: 'Recent deliveries of Event bus' });
  for (let i = 0; i < 20 && !(await table.getByText('Delivered').count()); i++) {
    await settings.waitForTimeout(500);
    await card.getByRole('button', { name: 'Recent deliveries' }).click();
    await card.getByRole('button', { name: 'Recent deliveries' }).click();
  }
  await table.getByText('Delivered').waitFor();
  expect(await seriousA11yIssues(settings)).toEqual([]);
  await settings.screenshot({ path: join(screenshotDir, 'settings-webhooks.png'), fullPage: true });
});
