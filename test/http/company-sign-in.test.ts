import { beforeAll, describe, expect, it } from 'vitest';
import { accessFrom } from '../../server/http/access-config.ts';
import { type AppDeps, createApp } from '../../server/http/app.ts';
import { accessClaims, keyPair, pkce } from '../support/access-keys.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

/* Company sign-in from the extension, against a locally made key pair standing in for Cloudflare Access. */
const teamDomain = 'https://northwind.cloudflareaccess.com';
const audience = 'aud-tandem-sso';
const chromeId = 'abcdefghijklmnopabcdefghijklmnop';
const chromeRedirect = `https://${chromeId}.chromiumapp.org/`;
// Firefox's identity.getRedirectURL() for the add-on id tandem@tandem.local: SHA-1 of the id, in hex.
const firefoxRedirect = 'https://fe3357088b30d5995d2efdb824fcbf8bde75f40e.extensions.allizom.org/';

let clockOffset = 0;
let t: Awaited<ReturnType<typeof testApp>>;
let app: ReturnType<typeof createApp>;
let deps: AppDeps;
let key: Awaited<ReturnType<typeof keyPair>>;

beforeAll(async () => {
  t = await testApp(undefined, { now: () => new Date(Date.now() + clockOffset) });
  key = await keyPair('sso-1');
  const fetchJwks = (async () => Response.json({ keys: [key.jwk] })) as unknown as typeof fetch;
  const access = accessFrom(
    {
      teamDomain,
      audience,
      orgId: 'demo',
      allowedDomains: 'northwind.example',
      extensions: `${chromeId}, tandem@tandem.local`,
    },
    fetchJwks,
  );
  deps = { ledgers: t.ledgers, screenshots: t.screenshots, access };
  app = createApp(deps);
});

const identity = (email: string, extra: Record<string, unknown> = {}) =>
  key.sign(accessClaims(teamDomain, audience, email, Date.now(), extra));

/** Opens the start route as the browser's sign-in window would, with Access's header when given. */
async function start(assertion: string | null, challenge: string, redirect = chromeRedirect, state = 'state-123456') {
  const query = new URLSearchParams({ redirect_uri: redirect, state, code_challenge: challenge });
  const res = await app.request(`/auth/extension/start?${query}`, {
    headers: assertion ? { 'cf-access-jwt-assertion': assertion } : {},
  });
  const location = res.headers.get('location');
  return { res, back: location ? new URL(location) : null };
}

const exchange = (body: Record<string, string>) => app.request('/v1/session/exchange', post(body));

async function events() {
  const res = await t.request('/v1/events?after=0&limit=500', { headers: bearer(t.demo.admin) });
  return ((await res.json()) as { events: { type: string }[] }).events;
}

describe('company sign-in', () => {
  it('says it is available, and signs the extension in as the person Access vouched for', async () => {
    expect(await (await app.request('/auth/extension')).json()).toEqual({ available: true });
    const { verifier, challenge } = await pkce();
    const { res, back } = await start(await identity('maya.okafor@northwind.example'), challenge);
    expect(res.status).toBe(302);
    expect(back?.origin).toBe(`https://${chromeId}.chromiumapp.org`);
    expect(back?.searchParams.get('state')).toBe('state-123456');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const code = back?.searchParams.get('code') ?? '';
    expect(code).toMatch(/^demo\.[A-Za-z0-9_-]{43}$/);

    const issued = (await events()).filter((e) => e.type === 'token.issued').length;
    const session = await exchange({ code, code_verifier: verifier, redirect_uri: chromeRedirect });
    expect(session.status).toBe(201);
    const body = (await session.json()) as { token: string; person: { name: string }; org: { id: string } };
    expect(body).toMatchObject({ person: { name: 'Maya Okafor' }, org: { id: 'demo' } });
    const me = await t.request('/v1/me', { headers: bearer(body.token) });
    expect(await me.json()).toMatchObject({ person: { name: 'Maya Okafor' } });
    // One event for the session, as a code sign-in records; the code itself recorded none.
    expect((await events()).filter((e) => e.type === 'token.issued').length).toBe(issued + 1);
  });

  it('creates a person of an allowed domain on the first visit, and refuses other domains and deactivated people', async () => {
    const { verifier, challenge } = await pkce();
    const first = await start(await identity('new.starter@northwind.example', { name: 'New Starter' }), challenge);
    const code = first.back?.searchParams.get('code') ?? '';
    const session = await exchange({ code, code_verifier: verifier, redirect_uri: chromeRedirect });
    expect(await session.json()).toMatchObject({ person: { name: 'New Starter', role: 'member' } });

    const before = (await events()).length;
    const stranger = await start(await identity('someone@elsewhere.example'), challenge);
    expect(stranger.res.status).toBe(302);
    expect(stranger.back?.searchParams.get('error')).toBe('forbidden');
    expect(stranger.back?.searchParams.get('error_description')).toContain('someone@elsewhere.example');
    expect(stranger.back?.searchParams.get('state')).toBe('state-123456');
    expect(stranger.back?.searchParams.has('code')).toBe(false);
    expect((await events()).length).toBe(before); // nobody was created

    const sam = await t.find(t.demo.admin, 'Sam Rivera');
    const off = await t.request(`/v1/people/${sam.id}`, {
      method: 'PATCH',
      headers: { ...bearer(t.demo.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    expect(off.status).toBe(200);
    const deactivated = await start(await identity('sam.rivera@northwind.example'), challenge);
    expect(deactivated.back?.searchParams.get('error')).toBe('forbidden');
  });

  it('refuses a wrong audience, an expired token, another issuer and a missing identity, back to the extension', async () => {
    const { challenge } = await pkce();
    const maya = 'maya.okafor@northwind.example';
    const cases = [
      await identity(maya, { aud: ['another-application'] }),
      await identity(maya, { exp: Math.floor(Date.now() / 1000) - 120 }),
      await identity(maya, { iss: 'https://evil.cloudflareaccess.com' }),
      null,
    ];
    for (const assertion of cases) {
      const { res, back } = await start(assertion, challenge);
      expect(res.status).toBe(302);
      expect(back?.searchParams.get('error')).toBe('unauthenticated');
      expect(back?.searchParams.get('error_description')).toMatch(/^Cloudflare Access's identity was not accepted \(/);
      expect(back?.searchParams.has('code')).toBe(false);
    }
  });

  it('never redirects to a URL that is not an allowed extension: a page says why', async () => {
    const { challenge } = await pkce();
    const assertion = await identity('maya.okafor@northwind.example');
    for (const redirect of [
      'https://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.chromiumapp.org/',
      'https://evil.example/callback',
      `https://user:pw@${chromeId}.chromiumapp.org/`,
    ]) {
      const { res, back } = await start(assertion, challenge, redirect);
      expect(res.status, redirect).toBe(403);
      expect(back).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('may not sign in to this server');
    }
    // Not a redirect URL at all, or no challenge: refused the same way, as a page.
    const bad = await app.request(`/auth/extension/start?redirect_uri=javascript:alert(1)&state=state-123456`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Missing: code_challenge');
  });

  it("accepts Firefox's redirect URL for a listed add-on id", async () => {
    const { verifier, challenge } = await pkce();
    const { back } = await start(await identity('maya.okafor@northwind.example'), challenge, firefoxRedirect);
    expect(back?.origin).toBe(new URL(firefoxRedirect).origin);
    const code = back?.searchParams.get('code') ?? '';
    const session = await exchange({ code, code_verifier: verifier, redirect_uri: firefoxRedirect });
    expect(session.status).toBe(201);
  });

  it('refuses a reused code, a wrong verifier, another redirect URL and an expired code, issuing nothing', async () => {
    const { verifier, challenge } = await pkce();
    const other = await pkce();
    const code = async () =>
      (await start(await identity('maya.okafor@northwind.example'), challenge)).back?.searchParams.get('code') ?? '';
    const refused = async (body: Record<string, string>) => {
      const before = (await events()).length;
      const res = await exchange(body);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_code' } });
      expect((await events()).length).toBe(before);
    };

    const once = await code();
    await refused({ code: once, code_verifier: other.verifier, redirect_uri: chromeRedirect });
    await refused({ code: once, code_verifier: verifier, redirect_uri: firefoxRedirect });
    expect((await exchange({ code: once, code_verifier: verifier, redirect_uri: chromeRedirect })).status).toBe(201);
    await refused({ code: once, code_verifier: verifier, redirect_uri: chromeRedirect });

    const late = await code();
    clockOffset = 61_000;
    try {
      await refused({ code: late, code_verifier: verifier, redirect_uri: chromeRedirect });
    } finally {
      clockOffset = 0;
    }
  });

  it('counts wrong codes like wrong sign-in codes: the eleventh in a minute is 429', async () => {
    const { verifier } = await pkce();
    // A caller of its own, so the refusals of the other tests do not count here.
    const fresh = createApp({ ...deps, clientAddress: () => '203.0.113.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const body = { code: `demo.${'A'.repeat(42)}${i % 10}`, code_verifier: verifier, redirect_uri: chromeRedirect };
      statuses.push((await fresh.request('/v1/session/exchange', post(body))).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });

  it('is off without Access settings or listed extensions: not offered, and the start page says so', async () => {
    const off = createApp({
      ledgers: t.ledgers,
      screenshots: t.screenshots,
      access: accessFrom({ teamDomain, audience, orgId: 'demo', allowedDomains: 'northwind.example' }),
    });
    expect(await (await off.request('/auth/extension')).json()).toEqual({ available: false });
    expect(await (await t.request('/auth/extension')).json()).toEqual({ available: false });
    const { challenge } = await pkce();
    const query = new URLSearchParams({
      redirect_uri: chromeRedirect,
      state: 'state-123456',
      code_challenge: challenge,
    });
    const res = await t.request(`/auth/extension/start?${query}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Company sign-in is not set up on this server');
  });
});
