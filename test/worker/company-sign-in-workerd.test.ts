import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accessClaims, keyPair, pkce } from '../support/access-keys.ts';
import { call, json } from './worker-fetch.ts';

/*
 * Company sign-in through the Worker's own fetch and the organisation's Durable Object. Access is stood in
 * for by a locally made key pair: the Worker's fetch of the team's JWKS is answered here (vitest.config.ts
 * sets ACCESS_* and SSO_EXTENSIONS for the workerd project).
 */
const redirect = `https://${env.SSO_EXTENSIONS}.chromiumapp.org/`;
let key: Awaited<ReturnType<typeof keyPair>>;

beforeAll(async () => {
  key = await keyPair('workerd-1');
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === `${env.ACCESS_TEAM_DOMAIN}/cdn-cgi/access/certs`)
      return Promise.resolve(Response.json({ keys: [key.jwk] }));
    return realFetch(input, init);
  });
  const res = await call('/v1/setup/demo', json({ orgId: 'sso' }, { authorization: 'Bearer test-setup-token' }));
  expect(res.status).toBe(201);
});

const identity = (email: string, extra: Record<string, unknown> = {}) =>
  key.sign(accessClaims(env.ACCESS_TEAM_DOMAIN ?? '', env.ACCESS_AUD ?? '', email, Date.now(), extra));

async function start(assertion: string, challenge: string, redirectUri = redirect) {
  const query = new URLSearchParams({ redirect_uri: redirectUri, state: 'workerd-state', code_challenge: challenge });
  // As the browser's sign-in window sees it: the redirect itself, not followed.
  const res = await call(`/auth/extension/start?${query}`, {
    headers: { 'cf-access-jwt-assertion': assertion },
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  return { res, back: location ? new URL(location) : null };
}

const exchange = (code: string, verifier: string, redirectUri = redirect) =>
  call('/v1/session/exchange', json({ code, code_verifier: verifier, redirect_uri: redirectUri }));

describe('company sign-in in workerd', () => {
  it('signs the extension in as the person Access vouched for, once', async () => {
    expect(await (await call('/auth/extension')).json()).toEqual({ available: true });
    const { verifier, challenge } = await pkce();
    const { res, back } = await start(await identity('maya.okafor@northwind.example'), challenge);
    expect(res.status).toBe(302);
    expect(back?.searchParams.get('state')).toBe('workerd-state');
    const code = back?.searchParams.get('code') ?? '';
    const session = await exchange(code, verifier);
    expect(session.status).toBe(201);
    const { token } = (await session.json()) as { token: string };
    const me = await call('/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ person: { name: 'Maya Okafor' }, org: { id: 'sso' } });
    // Used once: the same code again is refused.
    const again = await exchange(code, verifier);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: 'invalid_code' } });
  });

  it('refuses a disallowed domain, a wrong audience and an expired token back to the extension', async () => {
    const { challenge } = await pkce();
    const maya = 'maya.okafor@northwind.example';
    const cases: [string, string][] = [
      [await identity('someone@elsewhere.example'), 'forbidden'],
      [await identity(maya, { aud: ['another-application'] }), 'unauthenticated'],
      [await identity(maya, { exp: Math.floor(Date.now() / 1000) - 120 }), 'unauthenticated'],
    ];
    for (const [assertion, error] of cases) {
      const { res, back } = await start(assertion, challenge);
      expect(res.status).toBe(302);
      expect(back?.searchParams.get('error')).toBe(error);
      expect(back?.searchParams.has('code')).toBe(false);
    }
  });

  it('never redirects to a URL that is not an allowed extension', async () => {
    const { challenge } = await pkce();
    const other = 'https://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.chromiumapp.org/';
    const { res, back } = await start(await identity('maya.okafor@northwind.example'), challenge, other);
    expect(res.status).toBe(403);
    expect(back).toBeNull();
    expect(await res.text()).toContain('may not sign in to this server');
  });

  it('refuses a verifier that does not match the challenge, issuing nothing', async () => {
    const { challenge } = await pkce();
    const wrong = await pkce();
    const { back } = await start(await identity('maya.okafor@northwind.example'), challenge);
    const res = await exchange(back?.searchParams.get('code') ?? '', wrong.verifier);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_code' } });
  });
});
