import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.ts';
import { screenshotDir } from '../support/chromium.ts';
import { launchFirefox, openAddonPage, signInFirefox, untilThere } from '../support/firefox.ts';
import { cutLabels, layoutProblems } from '../support/layout.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * Pulses in the Firefox build, light and dark: the cards in the sidebar at its default 228 px and its widest
 * 600 px (the card to answer, "you said, we did", "results are in"), and the managers' Pulses tab from 360 to
 * 1440 px with a closed pulse's results. Each view whole: nothing past the edge, nothing clipped.
 */
let server: RunningServer;
const shots = join(screenshotDir, 'widths');
const day = 86_400_000;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  const { call, token, personId, codeFor } = apiCaller(server);
  const admin = await token(server.codes.admin);
  const manager = await token(server.codes.manager);
  const { departments } = await call<{ departments: { id: string; name: string }[] }>(admin, 'GET', '/v1/departments');
  const payroll = departments.find((d) => d.name === 'Payroll')?.id as string;
  const closesAt = new Date(Date.now() + 7 * day).toISOString();
  // An earlier pulse: five answers, closed, two changes recorded; then the current one, open.
  const earlier = await call<{ id: string }>(manager, 'POST', '/v1/pulses', { departmentIds: [payroll], closesAt });
  for (const [i, name] of ['Lena Fischer', 'Jonas Berg', 'Omar Haddad', 'Kenji Sato', 'Emma Laurent'].entries()) {
    const code = await codeFor(admin, name);
    const ratings = Object.fromEntries(
      ['communication', 'productivity', 'responsiveness', 'quality'].map((d, k) => [
        d,
        { expectation: 7 - ((i + k) % 3), perception: 2 + ((i * 2 + k) % 5) },
      ]),
    );
    const comment = i < 2 ? ['Overtime questions take a week to answer.', 'Payslips are hard to read.'][i] : undefined;
    await call(await token(code), 'POST', `/v1/pulses/${earlier.id}/responses`, {
      departmentId: payroll,
      ratings,
      ...(comment ? { comment } : {}),
    });
  }
  await call(manager, 'POST', `/v1/pulses/${earlier.id}/close`);
  const priya = await personId(admin, 'Priya Natarajan');
  const due = new Date(Date.now() + 30 * day).toISOString().slice(0, 10);
  await call(admin, 'PUT', `/v1/pulses/${earlier.id}/departments/${payroll}/actions`, {
    actions: [
      { text: 'Payslips explain overtime line by line', ownerId: priya, due },
      { text: 'Answers to payroll asks within one working day', ownerId: priya, due },
    ],
  });
  await call(manager, 'POST', '/v1/pulses', { departmentIds: [payroll], closesAt });
});
afterAll(async () => {
  await server?.stop();
});

async function check(page: Page, view: string, scheme: string, width: number) {
  await page.setViewport({ width, height: 1000 });
  await new Promise((r) => setTimeout(r, 300));
  const found = (await layoutProblems(page)).map((problem) => `${view} at ${width}px ${scheme}: ${problem}`);
  await page.screenshot({
    path: join(shots, `firefox-${view}-${width}-${scheme}.png`) as `${string}.png`,
    fullPage: true,
  });
  return found;
}

it.each(['light', 'dark'])(
  'shows the pulse cards and the managers’ pulse results whole in Firefox, %s',
  async (scheme) => {
    const firefox = await launchFirefox(undefined, { 'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0 });
    try {
      const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
      await panel.setViewport({ width: 228, height: 1000 });
      // Sam: the card to answer and what Payroll changed after the earlier pulse.
      await signInFirefox(panel, server.url, server.codes.member);
      await untilThere(panel, '.pulse-card fieldset');
      await untilThere(panel, '.pulse-changes');
      const found = [
        ...(await check(panel, 'pulse-cards', scheme, 228)),
        // Each scale's seven numbers in one row, even with the sidebar's scrollbar taking its share.
        ...(await panel.$$eval('.pulse-points', (scales) =>
          scales
            .filter((s) => new Set([...s.children].map((c) => (c as HTMLElement).offsetTop)).size > 1)
            .map((s) => `a scale wraps at 228px: ${s.getAttribute('aria-label') ?? s.id}`),
        )),
        ...(await check(panel, 'pulse-cards', scheme, 600)),
      ];
      // Priya, in Payroll: its results are in.
      await panel.click('#sign-out');
      await signInFirefox(panel, server.url, server.codes.payroll);
      await untilThere(panel, '.pulse-changes');
      expect(await panel.$eval('.pulse-changes h3', (h) => h.textContent)).toBe("Payroll's pulse results are in");
      found.push(...(await check(panel, 'pulse-ready', scheme, 228)));
      // Maya: the managers' Pulses tab with the earlier pulse's results.
      await panel.click('#sign-out');
      await signInFirefox(panel, server.url, server.codes.manager);
      const page = await openAddonPage(firefox.browser, `${firefox.base}/leaderboard.html`);
      await untilThere(page, '#tab-pulses');
      await page.click('#tab-pulses');
      await untilThere(page, '#pulse-choice');
      const earlier = await page.$$eval('#pulse-choice option', (os) => os.map((o) => o.value)[1]);
      await page.select('#pulse-choice', earlier);
      await untilThere(page, '.gap-chart');
      for (const width of [360, 1440]) {
        found.push(...(await check(page, 'managers-pulses', scheme, width)));
        // Firefox's wider font once cut "Weekly digest" to "Weekly dig…" at 360 px: every section's name shows.
        found.push(...(await cutLabels(page, '.page-tabs .toggle-label')).map((cut) => `at ${width}px: ${cut}`));
      }
      expect(found).toEqual([]);
    } finally {
      await firefox.browser.close();
    }
  },
);
