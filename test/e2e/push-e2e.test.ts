import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../support/chromium.ts';
import { openPanel, signIn } from '../support/panel.ts';
import { type RunningWorker, startWranglerDev } from '../support/wrangler-dev.ts';

/*
 * Push to the extension, for real: the Worker under `wrangler dev`, Sam's and Priya's Chromium profiles signed in
 * through their panels, then the panels closed and Sam's minute alarm cleared, so that nothing but the push socket
 * can bring Sam's badge up to date. Priya replies and resolves his ask: his badge counts it (resolved, to rate).
 */
let worker: RunningWorker;
let sam: ExtensionBrowser;
let priya: ExtensionBrowser;
let codes: { member: string; payroll: string };

beforeAll(async () => {
  worker = await startWranglerDev({ SETUP_TOKEN: 'e2e-push-setup' });
  const res = await fetch(`${worker.url}/v1/setup/demo`, {
    method: 'POST',
    headers: { authorization: 'Bearer e2e-push-setup', 'content-type': 'application/json' },
    body: JSON.stringify({ orgId: 'pushdemo' }),
  });
  expect(res.status).toBe(201);
  codes = ((await res.json()) as { codes: typeof codes }).codes;
  sam = await launchWithExtension();
  priya = await launchWithExtension();
}, 180_000);
afterAll(async () => {
  await sam?.close();
  await priya?.close();
  await worker?.stop();
});

const inWorker = <T>(b: ExtensionBrowser, fn: () => Promise<T>) => b.context.serviceWorkers()[0].evaluate(fn);
const badge = (b: ExtensionBrowser) =>
  inWorker(b, () =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
const stopAlarm = (b: ExtensionBrowser) =>
  inWorker(b, () =>
    (globalThis as unknown as { chrome: { alarms: { clear(n: string): Promise<boolean> } } }).chrome.alarms.clear(
      'tandem-sync',
    ),
  );
/** The token the profile signed in with, to act for its person through the API as its panel would. */
const tokenOf = (b: ExtensionBrowser) =>
  inWorker(b, async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { get(k: string): Promise<Record<string, { token: string }>> } } };
    };
    return (await chrome.storage.local.get('session')).session.token;
  });

async function api(token: string, path: string, body: unknown, key: string) {
  const res = await fetch(`${worker.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as { id: string; entries?: { id: string; name: string }[] };
}

it('Priya resolves Sam’s ask and Sam’s badge counts it by push, with his panel closed and no minute alarm', async () => {
  for (const [b, code, name] of [
    [sam, codes.member, 'Sam Rivera'],
    [priya, codes.payroll, 'Priya Natarajan'],
  ] as const) {
    const { panel, tab } = await openPanel(b);
    await signIn(panel, worker.url, code, name);
    await panel.close();
    await tab.close();
    await stopAlarm(b);
  }
  const [samToken, priyaToken] = [await tokenOf(sam), await tokenOf(priya)];
  const found = await fetch(`${worker.url}/v1/directory?q=priya`, { headers: { authorization: `Bearer ${samToken}` } });
  const priyaId = ((await found.json()) as { entries: { id: string; name: string }[] }).entries.find(
    (e) => e.name === 'Priya Natarajan',
  )?.id;
  const ask = await api(
    samToken,
    '/v1/asks',
    { to: { kind: 'person', id: priyaId }, subject: 'My payslip' },
    'e2e-push-1',
  );

  // Sam's badge as it stands once his own ask has settled (his extension synced after its sign-in).
  await new Promise((r) => setTimeout(r, 1000));
  const before = await badge(sam);
  const acted = Date.now();
  await api(priyaToken, `/v1/asks/${ask.id}/replies`, { body: 'Fixed for December' }, 'e2e-push-2');
  await api(priyaToken, `/v1/asks/${ask.id}/status`, { status: 'resolved' }, 'e2e-push-3');
  const want = String(Number(before || '0') + 1);
  await expect.poll(() => badge(sam), { timeout: 60_000, interval: 100 }).toBe(want);
  console.info(`[e2e] Sam's badge went ${before || '(empty)'} → ${want} ${Date.now() - acted} ms after Priya acted`);
});
