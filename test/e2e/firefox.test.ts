import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchFirefox, openAddonPage, until } from '../support/firefox.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

// The Firefox build (MV2, the panel as a sidebar_action) in Debian's firefox-esr: the same send works.
let server: RunningServer;
let firefox: { browser: Browser; base: string };

beforeAll(async () => {
  server = await startServer();
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.browser.close();
  await server?.stop();
});

const text = (selector: string, expected: string) =>
  new Function(
    `return (document.querySelector(${JSON.stringify(selector)})?.textContent ?? '').includes(${JSON.stringify(expected)})`,
  ) as () => boolean;
const exists = (selector: string) =>
  new Function(`return !!document.querySelector(${JSON.stringify(selector)})`) as () => boolean;

async function pick(page: Page, query: string, name: string) {
  await page.click('#recipient');
  await page.type('#recipient', query);
  await page.keyboard.press('Enter');
  await until(page, exists(`button[aria-label="Remove ${name}"]`), `${name} picked`);
}

it('signs in, thanks a colleague and asks a department with the page attached, in Firefox', async () => {
  const panel = await openAddonPage(firefox.browser, `${firefox.base}/sidepanel.html`);
  const context = { url: 'https://payroll.example/slip', title: 'Payslip (Firefox)', selection: 'Overtime' };
  // As the background stores it when the toolbar button is clicked on a page.
  await panel.evaluate((c) => {
    const { browser } = globalThis as unknown as {
      browser: { storage: { session: { set(v: object): Promise<void> } } };
    };
    return browser.storage.session.set({ pageContext: c });
  }, context);

  await until(panel, exists('#sign-in-code'), 'the sign-in form');
  await panel.evaluate(() => {
    (document.querySelector('#server-url') as HTMLInputElement).value = '';
  });
  await panel.type('#server-url', server.url);
  await panel.type('#sign-in-code', server.codes.member);
  await panel.click('#sign-in');
  await until(panel, text('#me-name', 'Sam Rivera'), 'signed in');

  await panel.click('#tab-new');
  await panel.click('#mode-thank');
  await pick(panel, 'pri', 'Priya Natarajan');
  await panel.type('#thank-message', 'Thanks from Firefox!');
  await panel.keyboard.down('Control');
  await panel.keyboard.press('Enter');
  await panel.keyboard.up('Control');
  await until(panel, text('#composer-status', 'Thanks sent to Priya Natarajan'), 'the thank-you sent');

  await panel.click('#mode-ask');
  await pick(panel, 'payr', 'Payroll');
  await panel.type('#ask-subject', 'Overtime missing (from Firefox)');
  await until(panel, text('#ask-context', 'Payslip (Firefox)'), 'the page attached');
  await panel.click('#send');
  await until(panel, text('#composer-status', 'Ask sent to Payroll'), 'the ask sent');

  const session = await fetch(`${server.url}/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: server.codes.member }),
  });
  const { token } = (await session.json()) as { token: string };
  const inbox = (await (
    await fetch(`${server.url}/v1/inbox`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as {
    sent: { subject: string; context: unknown }[];
  };
  expect(inbox.sent[0]).toMatchObject({ subject: 'Overtime missing (from Firefox)', context });
});
