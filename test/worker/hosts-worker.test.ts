import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const call = (url: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  exports.default.fetch(new Request(url, { ...init, headers }));

describe('the Worker inside workerd: hosts and origins', () => {
  it('answers a malformed Host with 400 JSON, never 500', async () => {
    // (An empty Host is covered on Node: workerd's Request drops an empty header value.)
    for (const host of ['a b', '[::1', 'x:99999', 'a/b']) {
      const res = await call('https://tandem.test/health', { host });
      expect(res.status, JSON.stringify(host)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', fields: { host: expect.any(String) } } });
    }
  }, 30_000);

  it('answers loopback names (wrangler dev), workers.dev and ALLOWED_HOSTS, and no other name', async () => {
    for (const url of [
      'http://localhost:8787/health',
      'http://127.0.0.1:8787/health',
      'https://tandem.acme.workers.dev/health',
    ]) {
      expect((await call(url)).status, url).toBe(200);
    }
    expect((await call('https://tandem.test/health', { host: 'tandem.test' })).status).toBe(200);
    // DNS rebinding: the browser sends the attacker's name to the local wrangler dev.
    const rebound = await call('http://localhost:8787/health', { host: 'evil.example:8787' });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await call('http://evil.example:8787/health')).status).toBe(403);
  });

  it("answers CORS to the extension's origin only, and refuses a web page's sign-in attempt uncounted", async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const ok = await call('https://tandem.test/health', { origin });
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    const page = await call(
      'https://tandem.test/v1/session',
      { origin: 'https://evil.example', 'content-type': 'text/plain' },
      { method: 'POST', body: JSON.stringify({ code: 'nobody.WRNG-WRNG' }) },
    );
    expect(page.status).toBe(403);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});
