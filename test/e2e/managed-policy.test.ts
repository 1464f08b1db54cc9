import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromeId } from '../../extension/utils/extension-ids.ts';
import { type ExtensionBrowser, launchWithExtension, screenshotDir } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { canWritePolicies, chromiumPolicyDir, readmePolicy, writeChromiumPolicy } from '../support/policy.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Rollout by policy, as an administrator does it (README, "Roll out to your company"): a managed policy file
 * sets the server address for Tandem's fixed id; staff open the panel and see no address field, only a code.
 * Needs to write Chromium's machine-wide policy directory (root, as in CI); the file goes again afterwards.
 */
const writable = canWritePolicies();
if (!writable) console.warn(`[e2e] managed policy: cannot write ${chromiumPolicyDir}; run as root (CI does)`);

let server: RunningServer;
let b: ExtensionBrowser;
let removePolicy = () => {};
const shots = join(screenshotDir, 'rollout');

beforeAll(async () => {
  if (!writable) return;
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  // Kept while the test runs: Chromium watches the directory and would drop the policy with the file.
  // The README's policy, its 3rdparty part: force-installing from an update URL is for a managed fleet.
  const documented = readmePolicy('**Chrome on Linux', server.url);
  removePolicy = writeChromiumPolicy({ '3rdparty': documented['3rdparty'] });
  b = await launchWithExtension();
});
afterAll(async () => {
  removePolicy(); // first, whatever else fails
  await b?.close();
  await server?.stop();
});

async function screenshots(page: Page) {
  const found: string[] = [];
  for (const width of [228, 600]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 700 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${width}px ${scheme}: ${problem}`);
      await page.screenshot({ path: join(shots, `sign-in-managed-${width}-${scheme}.png`), fullPage: true });
    }
  }
  return found;
}

it.skipIf(!writable)('with the server set by policy, staff sign in with a code alone: no address to type', async () => {
  // The unpacked build has Tandem's fixed id (the manifest key): the id the policy names.
  expect(b.extensionId).toBe(chromeId);
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  const managed = panel.locator('#managed-server');
  await managed.waitFor();
  expect(await managed.textContent()).toContain(server.url.replace('http://', ''));
  expect(await managed.textContent()).toContain('Set by your company.');
  expect(await panel.locator('#server-url').count()).toBe(0);
  expect(await panel.getByLabel('Server').count()).toBe(0);
  expect(await screenshots(panel)).toEqual([]);

  await panel.setViewportSize({ width: 360, height: 700 });
  await panel.getByLabel('Sign-in code').fill(server.codes.admin);
  await panel.getByRole('button', { name: 'Sign in' }).click();
  await panel.locator('#me-name', { hasText: 'Alex Chen' }).waitFor();
  const session = await b.context.serviceWorkers()[0].evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<Record<string, { serverUrl: string }>> } } };
    };
    return (await chrome.storage.local.get('session')).session;
  });
  expect(session.serverUrl).toBe(server.url);

  // The settings page follows the panel's session, as without a policy.
  const settings = await b.context.newPage();
  await settings.goto(`chrome-extension://${b.extensionId}/settings.html`);
  await settings.locator('#settings-who', { hasText: 'Alex Chen' }).waitFor();
});
