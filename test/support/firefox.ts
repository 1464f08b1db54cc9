import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const firefoxExtensionDir = resolve('.output/firefox-mv2');
const geckoId = 'tandem@tandem.local';

/**
 * Debian's Firefox ESR over WebDriver BiDi with the Firefox build installed as a temporary add-on.
 * The add-on's base URL is pinned through a pref so its pages can be opened as tabs. With `display`,
 * headed in that (Xvfb) display.
 */
export async function launchFirefox(
  display?: string,
  /** Firefox preferences for this run (a dark theme: `ui.systemUsesDarkTheme`). */
  prefs: Record<string, unknown> = {},
  /** More environment for Firefox (automation switches: test/support/policy.ts). */
  env: Record<string, string> = {},
): Promise<{ browser: Browser; base: string }> {
  const uuid = crypto.randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    // With a display (Xvfb), a real window: extension shortcuts only fire for real key presses.
    headless: !display,
    env: { ...process.env, ...(display ? { DISPLAY: display } : {}), ...env },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }), ...prefs },
  });
  await browser.installExtension(firefoxExtensionDir);
  return { browser, base: `moz-extension://${uuid}` };
}

/** Opens an add-on page in a tab. `goto` never settles on moz-extension URLs: start it and poll. */
export async function openAddonPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => {});
  for (let i = 0; i < 100; i++) {
    const ready = await page
      .evaluate(() => location.href.startsWith('moz-extension://') && document.readyState === 'complete')
      .catch(() => false);
    if (ready) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[e2e] ${url} did not open in Firefox`);
}

/** Polls `check` in the page until it holds (15 s): puppeteer's own waits do not see into add-on pages reliably. */
export async function until(page: Page, check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await page.evaluate(check).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[e2e] timed out waiting for ${what}`);
}

/** Waits (15 s) until an element matches `selector`. */
export async function untilThere(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await page.$(selector).catch(() => null)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`[e2e] timed out waiting for ${selector}`);
}

/** Signs in from the panel's sign-in form (the server field cleared first) and waits for the signed-in panel. */
export async function signInFirefox(panel: Page, serverUrl: string, code: string): Promise<void> {
  await untilThere(panel, '#sign-in-code');
  await panel.evaluate(() => {
    (document.querySelector('#server-url') as HTMLInputElement).value = '';
  });
  await panel.type('#server-url', serverUrl);
  await panel.type('#sign-in-code', code);
  await panel.click('#sign-in');
  await untilThere(panel, '#me-name');
}
