import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const preflight = (origin: string, path = '/v1/thanks') =>
  t.request(path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
const lastSeq = async () =>
  ((await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as { seq: number }).seq;

describe('calls from browsers', () => {
  it("answers CORS to the extension's own origins, whatever the install's id", async () => {
    for (const origin of [
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      'moz-extension://0f5b2c4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
      'safari-web-extension://0f5b2c4e-1d2a-4c3b-9e8f-7a6b5c4d3e2f',
    ]) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      const me = await t.request('/v1/me', { headers: { ...bearer(t.demo.member), origin } });
      expect(me.status).toBe(200);
      expect(me.headers.get('access-control-allow-origin')).toBe(origin);
      expect(me.headers.get('access-control-expose-headers')).toContain('Retry-After');
    }
  });

  it('gives a web page no CORS answer and runs none of its requests (403)', async () => {
    const origin = 'https://evil.example';
    const res = await preflight(origin);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const before = await lastSeq();
    const write = await t.request('/v1/settings', {
      method: 'PATCH',
      headers: { ...bearer(t.demo.admin), 'content-type': 'application/json', origin },
      body: JSON.stringify({ limits: { writesPerMinute: 1 } }),
    });
    expect(write.status).toBe(403);
    expect(write.headers.get('access-control-allow-origin')).toBeNull();
    expect(await write.json()).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining(origin) },
    });
    expect(await lastSeq()).toBe(before);
    for (const other of ['null', 'http://localhost.evil.example', 'chrome-extension://abc/path']) {
      expect((await t.request('/v1/me', { headers: { ...bearer(t.demo.member), origin: other } })).status, other).toBe(
        403,
      );
    }
  });

  it("cannot lock an organisation's sign-in from a web page: its wrong codes are refused uncounted", async () => {
    for (let i = 0; i < 12; i++) {
      // A page's simple POST (no preflight) and a JSON one: both refused before the code is looked at.
      const plain = await t.request('/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
        body: JSON.stringify({ code: `demo.WRNG-${String(i).padStart(4, 'A')}` }),
      });
      expect(plain.status).toBe(403);
      const json = await t.request(
        '/v1/session',
        post({ code: `demo.WRNG-${String(i).padStart(4, 'B')}` }, { origin: 'https://evil.example' }),
      );
      expect(json.status).toBe(403);
    }
    expect((await t.request('/v1/session', post({ code: t.demo.codes.member }))).status).toBe(201);
  });

  it('answers its own pages, requests without Origin, and the origins an operator lists', async () => {
    expect(
      (await t.request('/v1/me', { headers: { ...bearer(t.demo.member), origin: 'http://localhost' } })).status,
    ).toBe(200);
    const portal = createApp({
      ledgers: t.ledgers,
      screenshots: t.screenshots,
      corsOrigins: ['https://intranet.example'],
    });
    const res = await portal.request('/v1/me', {
      headers: { ...bearer(t.demo.member), origin: 'https://intranet.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(res.headers.get('vary')).toContain('Origin');
  });
});
