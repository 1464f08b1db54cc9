import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pkce } from '../support/access-keys.ts';
import { type AccessStandIn, accessSettings, startAccessStandIn } from '../support/access-stand-in.ts';
import { type ExtensionBrowser, launchWithExtension, screenshotDir } from '../support/chromium.ts';
import { layoutProblems } from '../support/layout.ts';
import { openPanel } from '../support/panel.ts';
import { type RunningServer, startServer } from '../support/server-process.ts';
import { startXvfb } from '../support/xvfb.ts';

/*
 * Company sign-in in Chromium, headed under Xvfb: a local stand-in for Cloudflare Access sits in front of the
 * real Node server (test/support/access-stand-in.ts); the extension is given the stand-in's address, as staff
 * are given the company's. One click in the real side panel opens Chromium's own sign-in window
 * (identity.launchWebAuthFlow), the server redirects back to the extension, and the panel is signed in.
 */
const shots = join(screenshotDir, 'company-sign-in');
const buttonName = 'Sign in with your company account';

let xvfb: Awaited<ReturnType<typeof startXvfb>>;
let b: ExtensionBrowser;
let access: AccessStandIn;
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  xvfb = await startXvfb();
  b = await launchWithExtension(undefined, xvfb.display);
  access = await startAccessStandIn();
  // This browser's extension id: its redirect URL is https://<id>.chromiumapp.org/.
  server = await startServer({ env: accessSettings(access, b.extensionId) });
  access.target = server.url;
});
afterAll(async () => {
  await b?.close();
  await server?.stop();
  await access?.close();
  xvfb?.stop();
});

type Stored = { session?: { token: string; serverUrl: string } | null };
const storedSession = (page: Page) =>
  page.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Stored> } } } };
    return (await chrome.storage.local.get('session')).session ?? null;
  });
const forgetSession = (page: Page) =>
  page.evaluate(() => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { remove(k: string): Promise<void> } } };
    };
    return chrome.storage.local.remove('session');
  });

it('signs in with one click in the real side panel, as the person Access vouched for', async () => {
  access.identity = { email: 'maya.okafor@northwind.example' };
  const { panel } = await openPanel(b);
  await panel.getByLabel('Server').fill(access.url);
  await panel.getByRole('button', { name: buttonName }).click();
  await panel.locator('#me-name', { hasText: 'Maya Okafor' }).waitFor();

  // The session is stored as a code sign-in stores it, and its token is Maya's on the server itself.
  const session = await storedSession(panel);
  expect(session?.serverUrl).toBe(access.url);
  const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${session?.token}` } });
  expect(await me.json()).toMatchObject({ person: { name: 'Maya Okafor', email: 'maya.okafor@northwind.example' } });
  await forgetSession(panel);
  await panel.getByRole('button', { name: buttonName }).waitFor();
});

it('refuses a disallowed domain, a wrong audience and an expired token, and the panel says why', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await forgetSession(page); // signed out, whatever the test before left
  await page.getByLabel('Server').fill(access.url);
  const cases = [
    {
      identity: { email: 'someone@elsewhere.example' },
      says: 'Your company sign-in was refused: someone@elsewhere.example has no active Tandem account',
    },
    {
      identity: { email: 'maya.okafor@northwind.example', claims: { aud: ['another-application'] } },
      says: "Your company sign-in was refused: Cloudflare Access's identity was not accepted (wrong audience)",
    },
    {
      identity: { email: 'maya.okafor@northwind.example', claims: { exp: Math.floor(Date.now() / 1000) - 600 } },
      says: "Your company sign-in was refused: Cloudflare Access's identity was not accepted (expired)",
    },
  ];
  for (const { identity, says } of cases) {
    access.identity = identity;
    await page.getByRole('button', { name: buttonName }).click();
    await page.locator('#company-sign-in-error', { hasText: says }).waitFor();
    expect(await storedSession(page)).toBeNull();
  }
  await page.setViewportSize({ width: 228, height: 900 });
  expect(await layoutProblems(page)).toEqual([]);
  await page.screenshot({ path: join(shots, 'refused-228-light.png'), fullPage: true });
  await page.close();
});

it('never hands a code to a redirect URL not on the allowlist (over HTTP: the browser sends only its own)', async () => {
  const { challenge } = await pkce();
  const query = new URLSearchParams({
    redirect_uri: 'https://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.chromiumapp.org/',
    state: 'e2e-state-1',
    code_challenge: challenge,
  });
  access.identity = { email: 'maya.okafor@northwind.example' };
  const res = await fetch(`${access.url}/auth/extension/start?${query}`, { redirect: 'manual' });
  expect(res.status).toBe(403);
  expect(res.headers.get('location')).toBeNull();
  expect(await res.text()).toContain('may not sign in to this server');
  // The same request for this extension's own redirect URL gets its code: only the URL made the difference.
  query.set('redirect_uri', `https://${b.extensionId}.chromiumapp.org/`);
  const ok = await fetch(`${access.url}/auth/extension/start?${query}`, { redirect: 'manual' });
  expect(ok.status).toBe(302);
  expect(new URL(ok.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^demo\./);
});

it('shows the sign-in screen with the button whole at 228 and 600 px, light and dark', async () => {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/sidepanel.html`);
  await forgetSession(page); // signed out, whatever the test before left
  await page.getByLabel('Server').fill(access.url);
  await page.getByRole('button', { name: buttonName }).waitFor();
  const found: string[] = [];
  for (const width of [228, 600]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(150);
      for (const problem of await layoutProblems(page)) found.push(`${width}px ${scheme}: ${problem}`);
      await page.screenshot({ path: join(shots, `sign-in-${width}-${scheme}.png`), fullPage: true });
    }
  }
  expect(found).toEqual([]);
  await page.close();
});
