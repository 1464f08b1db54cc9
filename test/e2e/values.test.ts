import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Company values as the organisation's own, end to end: an admin changes them in Settings, a member's
 * composer offers exactly the ones in use in the admin's order, the member thanks with the new one, and
 * the managers' page finds that thank-you under the value. Screenshots go to test-results/values/.
 */
const shots = join(screenshotDir, 'values');
let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

/** Screenshots of the page at each width, light and dark; returns what looked broken. */
async function widths(page: Page, view: string, list: number[]) {
  const found: string[] = [];
  for (const width of list) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${view} at ${width}px ${scheme}: ${problem}`);
      await page.screenshot({ path: join(shots, `${view}-${width}-${scheme}.png`), fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

const inUse = (page: Page) => page.locator('#value-list .value-name').allTextContents();

it('an admin adds, renames, retires and moves values; a member thanks with the new one; the manager finds it', async () => {
  const panel = await b.context.newPage();
  await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await signIn(panel, server.url, server.codes.admin, 'Alex Chen');

  const settings = await b.context.newPage();
  await settings.setViewportSize({ width: 1200, height: 900 });
  await settings.goto(`chrome-extension://${b.extensionId}/settings.html`);
  await settings.getByRole('button', { name: 'Values', exact: true }).click();
  await expect.poll(() => inUse(settings)).toEqual(['Customer first', 'Ownership', 'Teamwork', 'Craft']);

  await settings.getByLabel('New value').fill('Curiosity');
  await settings.getByRole('button', { name: 'Add value' }).click();
  await expect.poll(() => inUse(settings)).toEqual(['Customer first', 'Ownership', 'Teamwork', 'Craft', 'Curiosity']);
  await settings.getByRole('button', { name: 'Rename Teamwork' }).click();
  await settings.getByLabel('New name for Teamwork').fill('Team spirit');
  expect(await widths(settings, 'settings-values-rename', [360, 1440])).toEqual([]);
  await settings.getByLabel('New name for Teamwork').press('Enter');
  await settings.locator('#values-status', { hasText: 'Renamed Teamwork to Team spirit.' }).waitFor();
  await settings.getByRole('button', { name: 'Retire Ownership' }).click();
  await settings.getByRole('button', { name: 'Restore Ownership' }).waitFor();
  // Moved with the keyboard: the button has focus after the move, so Enter moves it again.
  await settings.getByRole('button', { name: 'Move Craft up' }).focus();
  await settings.keyboard.press('Enter');
  await expect.poll(() => inUse(settings)).toEqual(['Customer first', 'Craft', 'Team spirit', 'Curiosity']);
  expect(await seriousA11yIssues(settings)).toEqual([]);
  expect(await widths(settings, 'settings-values', [360, 1000, 1440])).toEqual([]);
  // A name that is there already, in other letters: refused on the field, nothing added.
  await settings.getByLabel('New value').fill('CURIÓSITY');
  await settings.getByRole('button', { name: 'Add value' }).click();
  await settings.locator('#value-new-error', { hasText: 'Already a value' }).waitFor();
  expect(await inUse(settings)).toHaveLength(4);
  expect(await widths(settings, 'settings-values-refused', [360])).toEqual([]);

  // The member's composer: exactly the values in use, in the admin's order.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.url, server.codes.member, 'Sam Rivera');
  await panel.locator('#tab-new').click();
  await panel.getByRole('button', { name: 'Thank', exact: true }).click();
  const chips = panel.locator('#thank-fields fieldset.values button');
  await expect.poll(() => chips.allTextContents()).toEqual(['Customer first', 'Craft', 'Team spirit', 'Curiosity']);
  const to = panel.getByRole('combobox', { name: 'To' });
  await to.fill('pri');
  await to.press('Enter');
  await panel.getByRole('button', { name: 'Remove Priya Natarajan' }).waitFor();
  await panel.getByLabel('Message').fill('You asked the question nobody else did. Thank you!');
  await panel.getByRole('button', { name: 'Curiosity' }).click();
  expect(await widths(panel, 'composer', [228])).toEqual([]);
  await panel.getByRole('button', { name: 'Send' }).click();
  await panel.locator('#composer-status', { hasText: 'Thanks sent to Priya Natarajan' }).waitFor();

  // The managers' page: the thank-you under its value; the retired value is still there to filter by.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.url, server.codes.manager, 'Maya Okafor');
  const managers = await b.context.newPage();
  await managers.setViewportSize({ width: 1200, height: 900 });
  await managers.goto(`chrome-extension://${b.extensionId}/leaderboard.html`);
  await expect
    .poll(() => managers.locator('#value option').allTextContents())
    .toEqual(['All values', 'Customer first', 'Craft', 'Team spirit', 'Curiosity', 'Ownership (retired)']);
  await managers.locator('#value').selectOption({ label: 'Curiosity' });
  await managers.locator('.result[aria-busy="false"]').waitFor();
  await expect
    .poll(() => managers.locator('#leaderboard-table tbody th').allTextContents())
    .toEqual(['Priya Natarajan']);
  await managers.screenshot({ path: join(shots, 'managers-curiosity.png'), fullPage: true });
});
