import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { screenshotDir } from '../support/chromium.ts';
import { launchFirefox, openAddonPage, until } from '../support/firefox.ts';
import { firefoxPolicyPrefs, readmePolicy } from '../support/policy.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * The Firefox build under a policies.json that sets the server for Tandem's add-on id (3rdparty.Extensions),
 * read through the same managed storage. The file is this run's own (see firefoxPolicyPrefs): the machine's
 * Firefox and its other profiles never see it.
 */
let server: RunningServer;
let firefox: { browser: Browser; base: string };
const dir = mkdtempSync(join(tmpdir(), 'tandem-policies-'));

beforeAll(async () => {
  mkdirSync(join(screenshotDir, 'rollout'), { recursive: true });
  server = await startServer();
  // The README's policies.json, its 3rdparty part (a force-install needs a signed add-on at a URL).
  const { policies } = readmePolicy('**Firefox (tested', server.url) as { policies: Record<string, unknown> };
  const file = join(dir, 'policies.json');
  const { prefs, env } = firefoxPolicyPrefs(file, { policies: { '3rdparty': policies['3rdparty'] } });
  firefox = await launchFirefox(undefined, prefs, env);
});
afterAll(async () => {
  await firefox?.browser.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('with the server set in policies.json, Firefox staff sign in with a code alone', async () => {
  const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
  await until(panel, () => !!document.querySelector('#managed-server'), 'the server set by policy');
  expect(await panel.$eval('#managed-server', (e) => e.textContent)).toContain(server.url.replace('http://', ''));
  expect(await panel.$('#server-url')).toBeNull();
  await panel.screenshot({ path: join(screenshotDir, 'rollout', 'firefox-sign-in-managed.png') as `${string}.png` });

  await panel.type('#sign-in-code', server.codes.member);
  await panel.click('#sign-in');
  await until(panel, () => (document.querySelector('#me-name')?.textContent ?? '').includes('Sam Rivera'), 'signed in');
});
