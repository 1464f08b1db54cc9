import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/chromium.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';

// Names and messages are people's text: HTML and script in them must show as text, never run.
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

const hostileName = '<img src=x onerror="window.__xss=1">Eve';
const hostileMessage = '<script>window.__xss=2</script><b>Thanks</b> & "quotes"';

async function api(path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `esc-${crypto.randomUUID()}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${path}: ${res.status}`).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

it('shows hostile names and messages as text in the side panel and on the leaderboard', async () => {
  const tokenFor = async (code: string) => (await api('/v1/session', null, { code })).token as string;
  const admin = await tokenFor(server.codes.admin);
  const sam = await tokenFor(server.codes.member);
  const eve = (await api('/v1/people', admin, { name: hostileName, email: 'eve@northwind.example' })) as { id: string };
  const { code } = (await api('/v1/invitations', admin, { personId: eve.id })) as { code: string };
  await api('/v1/thanks', sam, { to: [{ kind: 'person', id: eve.id }], message: hostileMessage });

  const { panel } = await openPanel(b);
  const dialogs: string[] = [];
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(panel, server.url, code, hostileName);
  await panel.getByRole('button', { name: 'Thanks' }).click();
  const thanks = panel.locator('#inbox-thanks');
  await thanks.getByText(hostileMessage).waitFor();
  expect(await panel.locator('#me-name').textContent()).toBe(hostileName);
  expect(await thanks.locator('script, b, img').count()).toBe(0);
  expect(await panel.locator('img[src="x"]').count()).toBe(0);

  // The manager's leaderboard.
  await panel.getByRole('button', { name: 'Sign out' }).click();
  await signIn(panel, server.url, server.codes.manager, 'Maya Okafor');
  const board = await b.context.newPage();
  board.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await board.goto(`chrome-extension://${b.extensionId}/leaderboard.html`);
  await board.locator('#leaderboard-table').getByText(hostileName).waitFor();
  expect(await board.locator('#leaderboard-table img').count()).toBe(0);

  for (const page of [panel, board]) {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  expect(dialogs).toEqual([]);
});
