import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.ts';
import { type ExtensionBrowser, launchWithExtension, screenshotDir, seriousA11yIssues } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * The whole pulse, as people do it, in steps (each its own test, so each has the e2e timeout to itself on a busy
 * CI machine; they run in order and share the browser and pages): Maya (a manager) opens a pulse for Payroll and Legal on the managers' page;
 * six people answer Payroll in the side panel, four of them Legal too; before it closes nothing shows; after Maya
 * closes it Payroll's gap chart shows and Legal (four answers) shows nothing; Tom, Payroll's manager, records a
 * change; Sam, who answered, sees it in his panel.
 */
let server: RunningServer;
let b: ExtensionBrowser;
let panel: Page;
let page: Page;
let codes: Record<string, string>;
let tom: string;
let samAgain: string;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  server = await startServer();
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

const dimensions = ['Communication', 'Productivity', 'Responsiveness', 'Quality'];

/** Answers a department's card: expectation `e` on every dimension, perception `p + i` (a spread to show). */
async function answer(panel: Page, department: string, e: number, p: number) {
  const card = panel.getByRole('region', { name: `How is ${department} doing for you?` });
  await card.waitFor();
  for (const [i, d] of dimensions.entries()) {
    const scale = (s: string) => card.getByRole('radiogroup', { name: `${d}: ${s}` });
    await scale('How much it matters to you')
      .getByRole('radio', { name: String(e) })
      .click();
    await scale('How they did')
      .getByRole('radio', { name: String(Math.min(7, p + (i % 2))) })
      .click();
  }
  await card.getByRole('button', { name: 'Send' }).click();
  await card.waitFor({ state: 'detached' });
}

async function signOut(panel: Page) {
  await panel.locator('#sign-out').click();
  await panel.getByLabel('Sign-in code').waitFor();
}

/**
 * The managers' page on its Pulses tab, as whoever is signed in now, in a tab of its own. Not the last one reloaded:
 * it reloads itself when the panel signs someone in or out, and a reload of ours racing it detaches the page; nor
 * closed: closing a tab while the side panel's CDP connection is attached sometimes never returns under Xvfb. Each
 * tab's address is its own, so the CDP connection's view of it can be found by address.
 */
let opened = 0;
async function pulsesPage() {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/leaderboard.html?tab=${++opened}`);
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.locator('#tab-pulses').click();
  await page.locator('#pulses-view').waitFor();
  await page.locator('.result[aria-busy="false"]').waitFor();
  return page;
}

it('a manager opens a pulse for Payroll and Legal; the form refuses, naming the field, with nothing chosen', async () => {
  const { token, codeFor } = apiCaller(server);
  const admin = await token(server.codes.admin);
  codes = {
    'Sam Rivera': server.codes.member,
    'Lena Fischer': await codeFor(admin, 'Lena Fischer'),
    'Jonas Berg': await codeFor(admin, 'Jonas Berg'),
    'Omar Haddad': await codeFor(admin, 'Omar Haddad'),
    'Kenji Sato': await codeFor(admin, 'Kenji Sato'),
    'Emma Laurent': await codeFor(admin, 'Emma Laurent'),
  };
  tom = await codeFor(admin, 'Tom Becker');
  samAgain = await codeFor(admin, 'Sam Rivera');

  // Maya opens the pulse from the managers' page.
  ({ panel } = await openPanel(b));
  await signIn(panel, server.url, server.codes.manager, 'Maya Okafor');
  page = await pulsesPage();
  await page.locator('#pulses-empty').waitFor();
  await page.getByRole('button', { name: 'Open a pulse' }).click();
  const form = page.getByRole('form', { name: 'Open a pulse' });
  // Nothing chosen: refused, naming the field, and nothing opened.
  await form.getByRole('button', { name: 'Open pulse' }).click();
  await form
    .getByRole('alert')
    .filter({ hasText: /Opening the pulse/ })
    .waitFor();
  expect(await form.locator('.field-error:not([hidden])').first().textContent()).toMatch(/department/i);
  await form.getByLabel('Payroll').check();
  // The error went with its cause.
  expect(await form.locator('.field-error:not([hidden])').count()).toBe(0);
  await form.getByLabel('Legal').check();
  await page.screenshot({ path: join(screenshotDir, 'pulses-open-form.png'), fullPage: true });
  await form.getByRole('button', { name: 'Open pulse' }).click();
  await form.waitFor({ state: 'detached' });
  await page.locator('#pulse-state', { hasText: 'Open until' }).waitFor();
  expect(await page.locator('#pulse-choice option').allTextContents()).toEqual([
    expect.stringMatching(/^Legal, Payroll — open, closes /),
  ]);
});

/** Six people answer Payroll in the panel; the first four answer Legal too. */
async function answerAs(first: number, last: number) {
  for (const [i, [name, code]] of Object.entries(codes).entries()) {
    if (i < first || i > last) continue;
    await signOut(panel);
    await signIn(panel, server.url, code, name);
    await answer(panel, 'Payroll', 6, 3 + (i % 3));
    if (i < 4) await answer(panel, 'Legal', 5, 5);
  }
}
it('three people answer Payroll and Legal in their panels', () => answerAs(0, 2));
it('three more answer, only one of them Legal too', () => answerAs(3, 5));

it('before the pulse closes, nothing shows, to the manager either; after, Payroll shows and Legal (four) does not', async () => {
  await signOut(panel);
  await signIn(panel, server.url, server.codes.manager, 'Maya Okafor');
  page = await pulsesPage();
  const payroll = page.getByRole('region', { name: 'Payroll', exact: true });
  const legal = page.getByRole('region', { name: 'Legal', exact: true });
  await payroll.getByText(/^Results show after the pulse closes on /).waitFor();
  await legal.getByText(/^Results show after the pulse closes on /).waitFor();
  expect(await page.locator('.gap-chart').count()).toBe(0);
  expect(await payroll.locator('.pulse-count').textContent()).toBe('16 asked');

  // Maya closes it: Payroll's gap chart shows; Legal, with four answers, shows nothing.
  await page.getByRole('button', { name: 'Close now' }).click();
  await page.getByRole('button', { name: 'Close pulse' }).click();
  const chart = payroll.getByRole('figure');
  await chart.waitFor();
  expect(await payroll.locator('.pulse-count').textContent()).toBe('6 answered of 16 asked');
  const rows = await chart
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td.num')].map((c) => c.textContent)));
  // Expectation 6 from all six; perception 3, 4, 5 twice each, one more (4, 5, 6) on productivity and quality.
  expect(rows).toEqual([
    ['Communication', '6.0 ± 0.0', '4.0 ± 0.8', '-2.0'],
    ['Productivity', '6.0 ± 0.0', '5.0 ± 0.8', '-1.0'],
    ['Responsiveness', '6.0 ± 0.0', '4.0 ± 0.8', '-2.0'],
    ['Quality', '6.0 ± 0.0', '5.0 ± 0.8', '-1.0'],
  ]);
  await legal
    .getByText("Only 4 answered: results show from 5 answers, so no one's answers can be picked out.")
    .waitFor();
  // The same figures as a spreadsheet reads them, with every count, as a file. The side panel's CDP connection,
  // the browser's last, is where Chromium now saves downloads: the download is read through its view of this tab.
  const cdpTab = panel
    .context()
    .pages()
    .find((p) => p.url() === page.url()) as Page;
  const [download] = await Promise.all([
    cdpTab.waitForEvent('download'),
    payroll.getByRole('button', { name: /^Export .* as CSV$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tandem-pulse-Payroll-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  // Communication: all six expect 6; two each perceived 3, 4 and 5.
  expect(csv.split(/\r?\n/).slice(0, 2)).toEqual([
    expect.stringMatching(/^dimension,expectation,expectation spread,perception,perception spread,gap,expectation 1,/),
    'communication,6,0,4,0.82,-2,0,0,0,0,0,6,0,0,0,2,2,2,0,0',
  ]);
  expect(await legal.locator('.gap-chart, .pulse-comments').count()).toBe(0);
  expect(await seriousA11yIssues(page)).toEqual([]);
  const found: string[] = [];
  for (const width of [360, 1000, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 1000 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const problem of await layoutProblems(page)) found.push(`${width} ${scheme}: ${problem}`);
      await page.screenshot({ path: join(screenshotDir, `pulses-results-${width}-${scheme}.png`), fullPage: true });
    }
  }
  expect(found).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1200, height: 1000 });
  // Maya manages HR, not Payroll: she reads, she does not record Payroll's changes.
  expect(await payroll.getByRole('form').count()).toBe(0);
});

it("Payroll's manager records a change, refused first when empty; a respondent sees it in the panel", async () => {
  // Tom, Payroll's manager, records a change.
  await signOut(panel);
  await signIn(panel, server.url, tom, 'Tom Becker');
  page = await pulsesPage();
  const changes = page
    .getByRole('region', { name: 'Payroll', exact: true })
    .getByRole('form', { name: /You said, we did/ });
  await changes.getByRole('button', { name: 'Add a change' }).click();
  await changes.getByRole('button', { name: 'Save changes' }).click();
  await changes
    .getByRole('alert')
    .filter({ hasText: /Saving the changes/ })
    .waitFor();
  await changes.getByLabel('What will change').fill('Overtime questions answered within two working days');
  await changes.getByLabel('Owner', { exact: true }).selectOption({ label: 'Priya Natarajan' });
  await changes.getByLabel('By', { exact: true }).fill('2027-03-31');
  await changes.getByRole('button', { name: 'Save changes' }).click();
  await changes.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  for (const width of [360, 1440]) {
    await page.setViewportSize({ width, height: 1000 });
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, `pulses-changes-${width}.png`), fullPage: true });
  }

  // Sam, who answered, sees it in his panel.
  await signOut(panel);
  await signIn(panel, server.url, samAgain, 'Sam Rivera');
  const said = panel.getByRole('region', { name: 'You said, Payroll did' });
  await said.waitFor();
  expect(await said.getByRole('listitem').allTextContents()).toEqual([
    expect.stringMatching(/^Overtime questions answered within two working daysPriya Natarajan · by /),
  ]);
});

it("a member of Payroll is told in the panel that its results are in, and reads only Payroll's", async () => {
  // Priya, in Payroll, is told in her panel that Payroll's results are in, and reads Payroll's (only) from there.
  await signOut(panel);
  await signIn(panel, server.url, server.codes.payroll, 'Priya Natarajan');
  const ready = panel.getByRole('region', { name: "Payroll's pulse results are in" });
  const [results] = await Promise.all([
    b.context.waitForEvent('page'),
    ready.getByRole('button', { name: 'See the results' }).click(),
  ]);
  await results.getByRole('region', { name: 'Payroll', exact: true }).getByRole('figure').waitFor();
  expect(await results.locator('#pulse-results h2').allTextContents()).toEqual(['Payroll']);
  expect(await results.locator('.page-tabs button').allTextContents()).toEqual(['Pulses']);
  expect(await results.getByRole('button', { name: 'Open a pulse' }).count()).toBe(0);
  expect(await results.getByRole('button', { name: 'Close now' }).count()).toBe(0);
});
