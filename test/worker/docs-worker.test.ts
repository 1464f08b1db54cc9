import { describe, expect, it } from 'vitest';
import { contractFiles } from '../../server/http/openapi/contract.ts';
import { call } from './worker-fetch.ts';

describe('the Worker inside workerd: the published contract', () => {
  it('serves /openapi.json and /docs from its static assets, as generated from the schemas it runs with', async () => {
    const generated = contractFiles();
    const api = await call('/openapi.json');
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toBe('application/json');
    expect(await api.text()).toBe(generated['openapi.json']);
    const page = await call('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
    expect(await page.text()).toBe(generated['docs.html']);
  });

  it('keeps them behind the host and origin guards, with CORS for the extension', async () => {
    const rebound = await call('/docs', { headers: { host: 'evil.example' } });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'forbidden' } });
    const page = await call('/openapi.json', { headers: { origin: 'https://evil.example' } });
    expect(page.status).toBe(403);
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const extension = await call('/openapi.json', { headers: { origin } });
    expect(extension.status).toBe(200);
    expect(extension.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it('answers only those two paths from the assets: the files by name are not routes', async () => {
    for (const path of ['/docs.html', '/docs/', '/openapi.json/x']) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await call('/docs', { method: 'POST' })).status).toBe(404);
  });
});
