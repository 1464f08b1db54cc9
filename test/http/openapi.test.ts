import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/http/app.ts';
import { bodyRoutes } from '../support/body-routes.ts';
import { testApp } from '../support/node-app.ts';

describe('the published contract', () => {
  it('serves OpenAPI 3.1 covering every route of the app, and a readable page', async () => {
    const t = await testApp();
    const res = await t.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    // Every /v1 and /auth route the app answers is documented, and nothing else.
    const app = createApp({ ledgers: t.ledgers, screenshots: t.screenshots });
    const served = new Set(
      app.routes
        .filter((r) => /^\/(v1|auth)\//.test(r.path) && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    expect([...documented].sort()).toEqual([...served].sort());
    const page = await t.request('/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<code>/v1/thanks</code>');
    expect(html).not.toContain('<script');
  });
});

describe('the contract lists the answers any call can get', () => {
  it('413 and 415 where a body is read, 429 with Retry-After on every write and sign-in, 503 everywhere', async () => {
    const t = await testApp();
    const doc = (await (await t.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>;
    };
    const operation = (route: string) => {
      const [method, path] = route.split(' ');
      return doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
    };
    const missing: string[] = [];
    const expectAnswer = (route: string, status: string, retryAfter = false) => {
      const answer = operation(route)?.responses[status];
      if (!answer || (retryAfter && !answer.headers?.['Retry-After'])) missing.push(`${route} ${status}`);
    };
    const served = t.app.routes
      .filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL' && !r.path.startsWith('/v1/setup'))
      .map((r) => `${r.method} ${r.path}`);
    for (const route of bodyRoutes(t.app)) {
      expectAnswer(route, '413');
      expectAnswer(route, '415');
    }
    for (const route of served) {
      if (!route.startsWith('GET ')) expectAnswer(route, '429', true);
      expectAnswer(route, '503', true);
    }
    expect(missing).toEqual([]);
  });
});
