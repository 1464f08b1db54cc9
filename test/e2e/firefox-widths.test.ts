import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { screenshotDir } from '../support/chromium.ts';
import { launchFirefox, openAddonPage, signInFirefox, untilThere } from '../support/firefox.ts';
import { layoutProblems } from '../support/layout.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * The Firefox build's panel at Firefox's default sidebar width, 228 px, light and dark: every view whole.
 * (A tab at the sidebar's width: the sidebar itself cannot be sized from a test.) Firefox over WebDriver
 * BiDi cannot emulate the colour scheme, so each scheme is a Firefox started with that system theme.
 */
let server: RunningServer;
let firefox: { browser: Browser; base: string } | undefined;
const shots = join(screenshotDir, 'widths');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
});
afterEach(async () => {
  await firefox?.browser.close();
  firefox = undefined;
});
afterAll(async () => {
  await server?.stop();
});

async function check(page: Page, view: string, scheme: string, width = 228) {
  const found = (await layoutProblems(page)).map((problem) => `${view} at ${width}px ${scheme}: ${problem}`);
  await page.screenshot({ path: join(shots, `firefox-${view}-${width}-${scheme}.png`) as `${string}.png` });
  return found;
}

it.each(['light', 'dark'])('shows the Firefox sidebar’s views whole at 228 px, %s', async (scheme) => {
  firefox = await launchFirefox(undefined, { 'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0 });
  const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
  await panel.setViewport({ width: 228, height: 800 });
  await untilThere(panel, '#sign-in-code');
  // The scheme really is the one asked for (an emulation that silently did nothing once passed for dark).
  expect(await panel.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
  const found = await check(panel, 'sign-in', scheme);
  await signInFirefox(panel, server.url, server.codes.payroll);
  found.push(...(await check(panel, 'inbox', scheme)));
  for (const tab of ['queue', 'new']) {
    await panel.click(`#tab-${tab}`);
    await new Promise((r) => setTimeout(r, 500));
    found.push(...(await check(panel, tab, scheme)));
  }
  await panel.click('#mode-thank');
  found.push(...(await check(panel, 'new-thank', scheme)));
  // The notification preferences (the bell), at the sidebar's default and at its widest.
  await panel.click('#open-notifications');
  await untilThere(panel, '#notify-save');
  found.push(...(await check(panel, 'notifications', scheme)));
  await panel.setViewport({ width: 600, height: 800 });
  found.push(...(await check(panel, 'notifications', scheme, 600)));
  expect(found).toEqual([]);
});
