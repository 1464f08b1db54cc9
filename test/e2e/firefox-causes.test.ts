import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiCaller } from '../support/api-call.ts';
import { screenshotDir } from '../support/chromium.ts';
import { launchFirefox, openAddonPage, signInFirefox, untilThere } from '../support/firefox.ts';
import { layoutProblems } from '../support/layout.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

/*
 * "What got in the way?" in the Firefox build, light and dark: Priya declines a Payroll ask in the sidebar's page
 * at its default 228 px, and the cause chooser shows whole there and at 600 px; her tap is noted.
 */
let server: RunningServer;
const shots = join(screenshotDir, 'widths');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  const { call, token } = apiCaller(server);
  const sam = await token(server.codes.member);
  const { entries } = await call<{ entries: { id: string; name: string }[] }>(sam, 'GET', '/v1/directory?q=Payroll');
  const payroll = entries.find((e) => e.name === 'Payroll')?.id;
  for (const subject of ['Bonus for a contractor', 'Payslip in another currency']) {
    await call(sam, 'POST', '/v1/asks', { to: { kind: 'department', id: payroll }, subject }, 201);
  }
});
afterAll(async () => {
  await server?.stop();
});

/** Clicks the first element matching `selector` that is shown (the lists keep hidden views in the page). */
const clickShown = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => {
    const shown = els.find((e) => (e as HTMLElement).offsetParent !== null) as HTMLElement | undefined;
    if (!shown) throw new Error('nothing shown to click');
    shown.click();
  });

it.each(['light', 'dark'])('shows the cause chooser whole in the Firefox sidebar, %s', async (scheme) => {
  const firefox = await launchFirefox(undefined, { 'ui.systemUsesDarkTheme': scheme === 'dark' ? 1 : 0 });
  try {
    const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
    await panel.setViewport({ width: 228, height: 900 });
    await signInFirefox(panel, server.url, server.codes.payroll);
    await panel.click('#tab-queue');
    await untilThere(panel, '.ask-item');
    // Each scheme declines one of the two asks: the one still open.
    await panel.waitForFunction(() => [...document.querySelectorAll('.ask-item')].some((e) => e.checkVisibility()));
    await clickShown(panel, '.ask-item');
    await untilThere(panel, '#ask-detail .danger-ghost');
    await clickShown(panel, '#ask-detail .danger-ghost');
    await untilThere(panel, '#detail-decline-reason');
    await panel.type('#detail-decline-reason', 'Contractors are paid by Purchasing.');
    await panel.click('form.decline button[type="submit"]');
    await untilThere(panel, '#cause-chooser');
    const found: string[] = [];
    for (const width of [228, 600]) {
      await panel.setViewport({ width, height: 900 });
      await new Promise((r) => setTimeout(r, 300));
      for (const p of await layoutProblems(panel)) found.push(`${width}px ${scheme}: ${p}`);
      await panel.screenshot({ path: join(shots, `firefox-cause-chooser-${width}-${scheme}.png`) as `${string}.png` });
    }
    expect(found).toEqual([]);
    await panel.setViewport({ width: 228, height: 900 });
    await clickShown(panel, '#cause-chooser button');
    await untilThere(panel, '#cause-noted');
    expect(await panel.$eval('#cause-noted', (p) => p.textContent)).toMatch(/^Noted: /);
  } finally {
    await firefox.browser.close();
  }
});
