import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AccessStandIn, accessSettings, startAccessStandIn } from '../support/access-stand-in.ts';
import { screenshotDir } from '../support/chromium.ts';
import { launchFirefox, openAddonPage, until } from '../support/firefox.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Company sign-in in the Firefox build (firefox-esr over WebDriver BiDi), against the same local stand-in for
 * Cloudflare Access: Firefox's identity.launchWebAuthFlow redirects to https://<SHA-1 of the add-on id>
 * .extensions.allizom.org/, which the server allows from the add-on id alone.
 */
let access: AccessStandIn;
let server: RunningServer;
let firefox: { browser: Browser; base: string };

beforeAll(async () => {
  access = await startAccessStandIn();
  server = await startServer({ env: accessSettings(access, 'tandem@tandem.local') });
  access.target = server.url;
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.browser.close();
  await server?.stop();
  await access?.close();
});

const has = (selector: string, expected = '') =>
  new Function(
    `return (document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(expected)}) && !!document.querySelector(${JSON.stringify(selector)})`,
  ) as () => boolean;

it('signs in with one click in Firefox, as the person Access vouched for; a disallowed domain is refused', async () => {
  const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
  await until(panel, has('#server-url'), 'the sign-in form');
  await panel.evaluate(() => {
    (document.querySelector('#server-url') as HTMLInputElement).value = '';
  });
  await panel.type('#server-url', access.url);
  await until(panel, has('#company-sign-in'), 'the company sign-in button');

  access.identity = { email: 'someone@elsewhere.example' };
  await panel.click('#company-sign-in');
  await until(
    panel,
    has('#company-sign-in-error', 'someone@elsewhere.example has no active Tandem account'),
    'refused',
  );

  access.identity = { email: 'new.starter@northwind.example', name: 'New Starter' };
  await panel.click('#company-sign-in');
  await until(panel, has('#me-name', 'New Starter'), 'signed in');
  const token = await panel.evaluate(async () => {
    const { browser } = globalThis as unknown as {
      browser: { storage: { local: { get(k: string): Promise<{ session?: { token: string } }> } } };
    };
    return (await browser.storage.local.get('session')).session?.token;
  });
  const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(await me.json()).toMatchObject({ person: { name: 'New Starter', email: 'new.starter@northwind.example' } });
});

/** The sign-in screen with the company button at the sidebar's default 228 px, in Firefox's light or dark theme. */
async function signInScreen(browser: Browser, base: string, scheme: 'light' | 'dark') {
  const page = await openAddonPage(browser, `${base}/sidepanel.html`);
  await page.setViewport({ width: 228, height: 700 });
  await until(page, has('#server-url'), 'the sign-in form');
  await page.evaluate(() => {
    (document.querySelector('#server-url') as HTMLInputElement).value = '';
  });
  await page.type('#server-url', access.url);
  await until(page, has('#company-sign-in'), 'the company sign-in button');
  const dir = join(screenshotDir, 'company-sign-in');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `firefox-sign-in-228-${scheme}.png`) });
  return page.evaluate(() => {
    const button = document.querySelector('#company-sign-in')!.getBoundingClientRect();
    return {
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
      overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      buttonInside: button.left >= 0 && button.right <= document.documentElement.clientWidth,
    };
  });
}

it('shows the company button whole at 228 px in Firefox, light and dark', async () => {
  await firefox.browser.close(); // signed in above: a fresh profile shows the sign-in screen
  firefox = await launchFirefox();
  expect(await signInScreen(firefox.browser, firefox.base, 'light')).toEqual({
    dark: false,
    overflow: false,
    buttonInside: true,
  });
  const dark = await launchFirefox(undefined, { 'ui.systemUsesDarkTheme': 1 });
  try {
    expect(await signInScreen(dark.browser, dark.base, 'dark')).toEqual({
      dark: true,
      overflow: false,
      buttonInside: true,
    });
  } finally {
    await dark.browser.close();
  }
});
