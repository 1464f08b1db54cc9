import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotStore } from '../../server/blobs/screenshots.ts';
import { createApp } from '../../server/http/app.ts';
import { clientKey } from '../../server/http/client-address.ts';
import { nodeClient, trustedProxies } from '../../server/node/client-address.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { createDemoOrganisation, type DemoCodes } from '../../server/setup/organisation.ts';

/*
 * Wrong sign-in codes over a real socket, as a hostile caller sends them: forwarded headers rotated on
 * every request must not buy more tries. Two servers: one answering callers directly, one behind a
 * proxy it is told to trust (TANDEM_TRUSTED_PROXY=127.0.0.1), where X-Forwarded-For names the client.
 */
const servers: ServerType[] = [];
async function start(trusted?: string) {
  const ledgers = nodeLedgers(':memory:', createStorage({ driver: memory() }));
  const codes = await createDemoOrganisation(ledgers, 'demo');
  const app = createApp({
    ledgers,
    screenshots: screenshotStore(createStorage({ driver: memory() })),
    clientAddress: nodeClient(trustedProxies(trusted)),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signIn = (code: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ code }),
    });
  return { codes, signIn };
}

let direct: Awaited<ReturnType<typeof start>>;
let proxied: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  direct = await start();
  proxied = await start('127.0.0.1, 10.0.0.0/8');
});
afterAll(() => {
  for (const s of servers) s.close();
});

const wrong = (codes: DemoCodes) => `${codes.member.split('.')[0]}.ZZZZ-ZZZZ`;
const spoofed = (i: number) => ({ 'cf-connecting-ip': `198.51.100.${i}`, 'x-forwarded-for': `203.0.113.${i}` });

describe('wrong sign-in codes over a socket', () => {
  it('are counted against the socket, whatever forwarded headers say: the 11th is 429, the right code too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await direct.signIn(wrong(direct.codes), spoofed(i))).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const locked = await direct.signIn(wrong(direct.codes), spoofed(50));
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The right code, from "another" client, during the lockout: refused, no token.
    const right = await direct.signIn(direct.codes.member, spoofed(99));
    expect(right.status).toBe(429);
    expect(await right.json()).not.toHaveProperty('token');
  });

  it('behind a trusted proxy, are counted per client it names: one locked out, another signs in', async () => {
    const a = { 'x-forwarded-for': '192.0.2.1' };
    for (let i = 0; i < 10; i++) expect((await proxied.signIn(wrong(proxied.codes), a)).status).toBe(401);
    expect((await proxied.signIn(proxied.codes.member, a)).status).toBe(429);
    // A client cannot pose as another by writing hops in front: the proxy's own hop is the last one.
    const prefixed = { 'x-forwarded-for': '192.0.2.2, 192.0.2.1' };
    expect((await proxied.signIn(proxied.codes.member, prefixed)).status).toBe(429);
    // Hops added by trusted proxies (10.0.0.0/8) are skipped to find the client.
    expect((await proxied.signIn(proxied.codes.member, { 'x-forwarded-for': '192.0.2.1, 10.1.2.3' })).status).toBe(429);
    expect((await proxied.signIn(proxied.codes.member, { 'x-forwarded-for': '192.0.2.3' })).status).toBe(201);
  });
});

describe('whose failures count together', () => {
  it('an IPv6 caller is one /64, an IPv4-mapped address is its IPv4 address', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey(undefined)).toBe('unknown');
  });

  it('TANDEM_TRUSTED_PROXY refuses what is not an address or a range', () => {
    expect(() => trustedProxies('10.0.0.0/8, proxy.local')).toThrow(/proxy\.local/);
    expect(trustedProxies('')).toBeNull();
  });
});
