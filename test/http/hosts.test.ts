import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.ts';
import { hostAllowed, workerHosts } from '../../server/http/host-guard.ts';
import { requestListener } from '../../server/node/request-listener.ts';
import { bearer, testApp } from '../support/node-app.ts';

const malformed = ['a b', '[::1', '', 'x:99999', 'x:', 'exa mple.com:80', 'a/b', '[::1]x'];

describe('the Host header', () => {
  it('answers a malformed Host with 400 JSON, naming the host field', async () => {
    const t = await testApp();
    for (const host of malformed) {
      const res = await t.request('/health', { headers: { host } });
      expect(res.status, JSON.stringify(host)).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', fields: { host: expect.any(String) } } });
    }
    expect((await t.request('/health', { headers: { host: 'tandem.example.com:8443' } })).status).toBe(200);
  });

  it('checks the Host header itself in local mode, against DNS rebinding', async () => {
    const t = await testApp();
    const local = createApp({
      ledgers: t.ledgers,
      screenshots: t.screenshots,
      allowedHosts: ['127.0.0.1:8787', 'localhost:8787'],
    });
    expect((await local.request('http://127.0.0.1:8787/health', { headers: { host: '127.0.0.1:8787' } })).status).toBe(
      200,
    );
    const rebound = await local.request('http://127.0.0.1:8787/v1/me', {
      headers: { ...bearer(t.demo.member), host: 'evil.example:8787' },
    });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('gets a JSON 400 from the real Node server too, where the URL is built from the Host', async () => {
    const t = await testApp();
    const server = createServer(requestListener(t.app.fetch, '127.0.0.1')).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      for (const host of ['a b', '[::1', 'x:99999']) {
        const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = httpRequest(
            { port, host: '127.0.0.1', path: '/health', setHost: false, headers: { host } },
            (res) => {
              let body = '';
              res.on('data', (chunk) => {
                body += chunk;
              });
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            },
          );
          req.on('error', reject);
          req.end();
        });
        expect(status, host).toBe(400);
        expect(JSON.parse(body)).toMatchObject({ error: { code: 'bad_request' } });
      }
    } finally {
      server.close();
    }
  });

  it("on the Worker: loopback and workers.dev names, and ALLOWED_HOSTS; no other name (wrangler dev's rebinding)", () => {
    const hosts = workerHosts('tandem.acme.com, *.acme.org');
    for (const ok of [
      'localhost:8787',
      '127.0.0.1:9000',
      '[::1]:8787',
      'tandem.acme.workers.dev',
      'tandem.acme.com',
      'api.acme.org:443',
    ]) {
      expect(hostAllowed(ok, hosts), ok).toBe(true);
    }
    for (const no of [
      'evil.example:8787',
      'workers.dev.evil.example',
      'acme.com',
      'localhost.evil.example',
      'evilacme.org',
    ]) {
      expect(hostAllowed(no, hosts), no).toBe(false);
    }
    expect(hostAllowed('anything.example', workerHosts('*'))).toBe(true);
  });
});
