import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessConfig, accessVerifier } from '../../server/http/access.ts';
import { createApp } from '../../server/http/app.ts';
import { b64url, keyPair } from '../support/access-keys.ts';
import { testApp } from '../support/node-app.ts';

/* Cloudflare Access mode against a locally generated key pair and JWKS. */
const config: AccessConfig = {
  teamDomain: 'https://northwind.cloudflareaccess.com',
  audience: 'aud-tandem-123',
  orgId: 'demo',
  allowedDomains: ['northwind.example'],
};

let t: Awaited<ReturnType<typeof testApp>>;
let app: ReturnType<typeof createApp>;
let k1: Awaited<ReturnType<typeof keyPair>>;
let k2: Awaited<ReturnType<typeof keyPair>>;
let published: JsonWebKey[] = [];
let jwksFetches = 0;
let now = Date.parse('2026-11-24T10:00:00Z');

beforeAll(async () => {
  t = await testApp();
  k1 = await keyPair('k1');
  k2 = await keyPair('k2');
  published = [k1.jwk];
  const fetchJwks = (async (url: string) => {
    expect(url).toBe(`${config.teamDomain}/cdn-cgi/access/certs`);
    jwksFetches++;
    return new Response(JSON.stringify({ keys: published }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  app = createApp({
    ledgers: t.ledgers,
    screenshots: t.screenshots,
    access: { config, verify: accessVerifier(config, fetchJwks, () => now) },
  });
});

const claims = (email: string, extra: Record<string, unknown> = {}) => ({
  iss: config.teamDomain,
  aud: [config.audience],
  email,
  iat: now / 1000,
  exp: now / 1000 + 3600,
  ...extra,
});
const me = (assertion: string) => app.request('/v1/me', { headers: { 'cf-access-jwt-assertion': assertion } });

describe('Cloudflare Access mode', () => {
  it('maps a verified email to its person', async () => {
    const res = await me(await k1.sign(claims('maya.okafor@northwind.example')));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ person: { name: 'Maya Okafor', role: 'manager' }, org: { id: 'demo' } });
  });

  it('creates people of allowed domains on their first visit, once, and refuses other domains', async () => {
    const first = await me(await k1.sign(claims('new.hire@northwind.example', { name: 'New Hire' })));
    expect(first.status).toBe(200);
    const { person } = (await first.json()) as { person: { id: string; role: string } };
    expect(person).toMatchObject({ role: 'member' });
    const again = (await (await me(await k1.sign(claims('NEW.HIRE@northwind.example')))).json()) as {
      person: { id: string };
    };
    expect(again.person.id).toBe(person.id);
    const stranger = await me(await k1.sign(claims('someone@elsewhere.example')));
    expect(stranger.status).toBe(403);
  });

  it('refuses a wrong audience, a wrong issuer, an expired token, a forged signature, and alg none', async () => {
    const forged = (await k2.sign(claims('maya.okafor@northwind.example'))).replace(
      /^[^.]+/,
      b64url(JSON.stringify({ alg: 'RS256', kid: 'k1' })),
    );
    const unsigned = `${b64url(JSON.stringify({ alg: 'none', kid: 'k1' }))}.${b64url(JSON.stringify(claims('maya.okafor@northwind.example')))}.`;
    const cases = [
      await k1.sign(claims('maya.okafor@northwind.example', { aud: ['someone-else'] })),
      await k1.sign(claims('maya.okafor@northwind.example', { iss: 'https://evil.cloudflareaccess.com' })),
      await k1.sign(claims('maya.okafor@northwind.example', { exp: now / 1000 - 120 })),
      forged,
      unsigned,
      'not-a-jwt',
    ];
    for (const assertion of cases) {
      const res = await me(assertion);
      expect(res.status, assertion.slice(0, 40)).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('refreshes the cached keys on an unknown key id (rotation), but not more than once a minute', async () => {
    const before = jwksFetches;
    expect((await me(await k1.sign(claims('maya.okafor@northwind.example')))).status).toBe(200);
    expect(jwksFetches).toBe(before); // cached
    now += 120_000;
    published = [k1.jwk, k2.jwk];
    expect((await me(await k2.sign(claims('maya.okafor@northwind.example')))).status).toBe(200);
    expect(jwksFetches).toBe(before + 1);
    const k3 = await keyPair('k3');
    expect((await me(await k3.sign(claims('maya.okafor@northwind.example')))).status).toBe(401);
    expect(jwksFetches).toBe(before + 1); // a flood of unknown key ids does not hammer the JWKS
  });

  it('leaves bearer tokens working beside it', async () => {
    expect((await app.request('/v1/me', { headers: { authorization: `Bearer ${t.demo.member}` } })).status).toBe(200);
  });
});
