import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, findSidePanel, launchWithExtension } from '../support/chromium.ts';
import { signIn } from '../support/panel.ts';
import { selectHeading } from '../support/selection.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';
import { pressKeys, pressUntil, startXvfb } from '../support/xvfb.ts';

// The real context menu on selected text, in headed Chromium under Xvfb, driven from the keyboard as a
// person without a mouse would: Shift+F10 opens it, T the Tandem submenu, then one of its two items.
let server: RunningServer;
let b: ExtensionBrowser;
let x: Awaited<ReturnType<typeof startXvfb>>;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  x = await startXvfb();
  b = await launchWithExtension(undefined, x.display);
  const setup = await b.context.newPage();
  await setup.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await signIn(setup, server.url, server.codes.member, 'Sam Rivera');
  await setup.close();
  page = await b.context.newPage();
  await page.goto(`${server.url}/docs`);
});
afterAll(async () => {
  await b?.close();
  x?.stop();
  await server?.stop();
});

it.each([
  ['Ask about this…', [], 'mode-ask'],
  ['Thank for this…', ['Down'], 'mode-thank'],
])('"%s" on selected text opens the panel in its mode with the page and selection attached', async (_, down, mode) => {
  await selectHeading(page);
  const panel = await pressUntil(
    x.display,
    () => pressKeys(x.display, 'Tandem API', 'shift+F10', 't', 'Right', ...down, 'Return'),
    () => findSidePanel(b, 5_000),
  );
  await panel.locator(`#${mode}[aria-pressed="true"]`).waitFor();
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('recipient');
  // The menu hands over the selection itself: it is attached as the quote, with the page.
  expect(await panel.locator('#ask-context').textContent()).toBe(`Tandem API${server.url}/docsTandem API`);
  await panel.close();
});
