import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, findSidePanel, launchWithExtension, screenshotDir } from '../support/chromium.ts';
import { signIn } from '../support/panel.ts';
import { selectHeading } from '../support/selection.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';
import { pressKeys, sendKeys, startXvfb, typeText } from '../support/xvfb.ts';

// The real shortcut, pressed in a real (virtual) window: the panel opens with the page attached.
let server: RunningServer;
let b: ExtensionBrowser;
let x: Awaited<ReturnType<typeof startXvfb>>;

beforeAll(async () => {
  server = await startServer();
  x = await startXvfb();
  b = await launchWithExtension(undefined, x.display);
});
afterAll(async () => {
  await b?.close();
  x?.stop();
  await server?.stop();
});

it('Ctrl+Shift+K on a page with text selected opens the panel in Ask mode, page attached, cursor in "To"', async () => {
  // Signed in beforehand from the panel's page in a tab, closed again: no panel is open.
  const setup = await b.context.newPage();
  await setup.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await signIn(setup, server.url, server.codes.member, 'Sam Rivera');
  await setup.close();

  // Any web page: the API's own docs page, with its title selected.
  const page = await b.context.newPage();
  await page.goto(`${server.url}/docs`);
  await selectHeading(page);
  pressKeys(x.display, 'Tandem API', 'ctrl+shift+k');

  const panel = await findSidePanel(b);
  await panel.locator('#ask-context', { hasText: 'Tandem API' }).waitFor();
  expect(await panel.locator('#ask-context').textContent()).toContain(`${server.url}/docs`);
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('recipient');
  // Typing starts in the picker: three keys and Enter pick Payroll.
  await panel.keyboard.type('pay');
  await panel.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'Remove Payroll' }).waitFor();

  // The person chooses to attach a screenshot of the page: the shortcut's grant allows it.
  await panel.getByRole('button', { name: 'Add screenshot' }).click();
  const thumb = panel.locator('#ask-screenshot img');
  await thumb.waitFor();
  expect(await thumb.getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
  await panel.getByLabel('Subject').fill('The docs page title is wrong');
  mkdirSync(screenshotDir, { recursive: true });
  await panel.screenshot({ path: join(screenshotDir, 'composer-screenshot.png') });
  await panel.keyboard.press('Control+Enter');
  await panel.locator('#composer-status', { hasText: 'Ask sent to Payroll' }).waitFor();

  // It shows on the ask, fetched with the token: a real picture of the page, not a broken image.
  await panel.getByRole('button', { name: 'Inbox' }).click();
  await panel.getByRole('button', { name: 'Sent' }).click();
  await panel
    .getByRole('button', { name: /^The docs page title is wrong/ })
    .first()
    .click();
  const image = panel.locator('#ask-screenshot-image');
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(400);
  await panel.screenshot({ path: join(screenshotDir, 'detail-screenshot.png') });
  // Closed again: Chrome gives the keyboard only to a panel it opens afresh (see the composer).
  await panel.close();
});

it('thanks a colleague from the keyboard alone: Ctrl+Shift+Y, three keys to pick her, the message, Ctrl+Enter', async () => {
  const page = await b.context.newPage();
  await page.goto(`${server.url}/docs`);
  await page.bringToFront();
  pressKeys(x.display, 'Tandem API', 'ctrl+shift+y');
  const panel = await findSidePanel(b);
  await panel.locator('#mode-thank[aria-pressed="true"]').waitFor();
  await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('recipient');
  // Every key from here is a real key press in the browser window.
  typeText(x.display, 'pr');
  sendKeys(x.display, 'Return');
  await panel.getByRole('button', { name: 'Remove Priya Natarajan' }).waitFor();
  sendKeys(x.display, 'Tab');
  typeText(x.display, 'Thanks for the payslip fix!');
  sendKeys(x.display, 'ctrl+Return');
  await panel.locator('#composer-status', { hasText: 'Thanks sent to Priya Natarajan' }).waitFor();

  const session = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: server.codes.payroll }),
  });
  const { token } = (await session.json()) as { token: string };
  const inbox = (await (
    await fetch(`${server.url}/v1/inbox`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { thanks: { message: string; from: { name: string } }[] };
  expect(inbox.thanks).toEqual([
    expect.objectContaining({
      message: 'Thanks for the payslip fix!',
      from: expect.objectContaining({ name: 'Sam Rivera' }),
    }),
  ]);
});
