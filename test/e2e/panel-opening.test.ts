import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeSidePanel, type ExtensionBrowser, launchWithExtension } from '../support/chromium.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

let server: RunningServer;
let b: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer();
  b = await launchWithExtension();
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
});

it('opened signed in, the real side panel asks for the inbox once, from its first script, and shows it', async () => {
  const first = await openPanel(b);
  await signIn(first.panel, server.url, server.codes.member, 'Sam Rivera');
  await closeSidePanel(first.panel);
  await first.tab.close();

  const { panel } = await openPanel(b);
  await panel.locator('#inbox-for-me').waitFor();
  await panel.locator('#me-name', { hasText: 'Sam Rivera' }).waitFor();
  // Everything the page fetched, as its own timeline saw it: its first script asked (utils/early-inbox.ts marks it),
  // and the views took that answer rather than asking again.
  const opening = await panel.evaluate(() => ({
    requests: performance.getEntriesByType('resource').filter((r) => new URL(r.name).pathname === '/v1/inbox').length,
    askedFirst: performance.getEntriesByName('tandem:inbox-asked').length === 1,
  }));
  expect(opening).toEqual({ requests: 1, askedFirst: true });
});
