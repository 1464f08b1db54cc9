import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * The pseudo-locale build (npm run build:pseudo): every message accented, bracketed and 40% longer, as
 * a translation runs. Each view, at its narrowest and widest width, light and dark, must show no word
 * that bypassed the catalogue and nothing cut off. Screenshots go to test-results/pseudo/.
 */
const shots = join(screenshotDir, 'pseudo');
// The panel from Firefox's default sidebar to a wide side panel; the pages from a phone's width to a wide screen.
const panelWidths = [228, 320, 360, 600];
let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer({ history: true });
  b = await launchWithExtension(undefined, undefined, resolve('.output/chrome-mv3-pseudo'));
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

/**
 * Words on screen that did not come from the catalogue: text, labels and tooltips with an English word
 * of three letters or more outside the pseudo-locale's brackets. Not words to translate: what people
 * wrote or named (marked translate="no", as for translation tools), times from Intl, and `data` (the
 * product's name).
 */
function untranslated(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate((data) => {
    const found = new Set<string>();
    const english = /[A-Za-z]{3,}/;
    const strip = (text: string) => {
      // Brackets nest where a message carries another (a period inside a caption): innermost first.
      let rest = text;
      for (let before = ''; before !== rest; ) {
        before = rest;
        rest = rest.replace(/\[[^[\]]*\]/g, ' ');
      }
      for (const d of data) rest = rest.split(d).join(' ');
      // Addresses, codes and times are not words to translate.
      return rest.replace(/https?:\/\/\S+|\b[\w.-]+@[\w.-]+|\b\d[\d:.,/ -]*\b/g, ' ');
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('[hidden], [translate="no"], time, script, style, option:not(:checked)')) continue;
      if (!el.getClientRects().length) continue;
      const text = node.textContent ?? '';
      if (english.test(strip(text))) found.add(text.trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('[translate="no"], time')) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const text = el.getAttribute(attr);
        if (text && english.test(strip(text))) found.add(`${attr}="${text}"`);
      }
    }
    return [...found];
  }, data);
}

async function check(page: Page, view: string, widths: number[], data: string[]) {
  const found: string[] = [];
  for (const width of widths) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${view} at ${width}px ${scheme}: ${problem}`);
      await page.screenshot({ path: join(shots, `${view}-${width}-${scheme}.png`) });
    }
  }
  for (const word of await untranslated(page, data)) found.push(`${view}: not from the catalogue: ${word}`);
  return found;
}

it('shows every view in the pseudo-locale whole, with every word from the catalogue', async () => {
  const found: string[] = [];
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await panel.locator('#sign-in-code').waitFor();
  found.push(...(await check(panel, 'panel-sign-in', panelWidths, ['Tandem'])));
  await panel.locator('#server-url').fill(server.url);
  await panel.locator('#sign-in-code').fill(server.codes.admin);
  await panel.locator('#sign-in').click();
  await panel.locator('#me-name', { hasText: 'Alex Chen' }).waitFor();
  await panel.locator('#inbox .items').first().waitFor();
  const data = ['Tandem'];
  found.push(...(await check(panel, 'panel-inbox', panelWidths, data)));
  await panel.locator('#inbox .ask-item').first().click();
  await panel.locator('#ask-detail .timeline').waitFor();
  found.push(...(await check(panel, 'panel-detail', panelWidths, data)));
  // Dark scrollbars in the dark theme, on the page and on every scrolling box (the colour is inherited).
  await panel.emulateMedia({ colorScheme: 'dark' });
  expect(await panel.evaluate(() => getComputedStyle(document.querySelector('#ask-detail')!).scrollbarColor)).toBe(
    'rgb(164, 164, 184) rgb(37, 37, 49)',
  );
  await panel.locator('#ask-back').click();
  await panel.locator('#tab-queue').click();
  await panel.locator('#queue .queue').first().waitFor();
  found.push(...(await check(panel, 'panel-queue', panelWidths, data)));
  await panel.locator('#tab-new').click();
  found.push(...(await check(panel, 'panel-composer', panelWidths, data)));

  const settings = await b.context.newPage();
  await settings.goto(`chrome-extension://${b.extensionId}/settings.html`);
  for (const section of ['sign-ins', 'boards', 'people', 'departments', 'import', 'limits']) {
    await settings.locator(`#nav-${section}`).click();
    await settings.locator('.settings-main h2').first().waitFor();
    await settings.waitForLoadState('networkidle');
    found.push(...(await check(settings, `settings-${section}`, [360, 1440], data)));
  }

  const managers = await b.context.newPage();
  await managers.goto(`chrome-extension://${b.extensionId}/leaderboard.html`);
  for (const tab of ['recognition', 'service', 'handoffs', 'digest', 'pulses']) {
    await managers.locator(`#tab-${tab}`).click();
    await managers.locator(`#${tab}-view .card`).first().waitFor();
    found.push(...(await check(managers, `managers-${tab}`, [360, 1440], data)));
  }
  expect(found).toEqual([]);
});
