import { beforeAll, describe, expect, it } from 'vitest';
import { bodylessWrites, bodyRoutes } from '../support/body-routes.ts';
import { bearer, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const lastSeq = async () =>
  ((await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as { seq: number }).seq;

describe('a body that is not JSON', () => {
  it('is refused with 415 by every route that reads a body, and records nothing', async () => {
    const routes = bodyRoutes(t.app);
    // The walk covers what the contract documents with a body, and nothing documented escapes it.
    const doc = (await (await t.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    // The operator routes are refused before their body is read (setup-organisations.test.ts).
    const setup = (r: string) => r.startsWith('POST /v1/setup/');
    expect(routes.filter((r) => !setup(r))).toEqual(documented.filter((r) => !setup(r)).sort());
    expect(routes.length).toBeGreaterThan(15);

    const before = await lastSeq();
    const body = JSON.stringify({ limits: { writesPerMinute: 1 }, to: [], message: 'hi', code: 'demo.AAAA-AAAA' });
    for (const route of routes.filter((r) => !setup(r))) {
      const [method, path] = route.split(' ');
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', null]) {
        const headers: Record<string, string> = {
          ...bearer(t.demo.admin),
          'idempotency-key': `content-type-${routes.indexOf(route)}`,
        };
        if (contentType) headers['content-type'] = contentType;
        // Without a type, the bytes go as they are (a string body would be labelled text/plain).
        const sent = contentType ? body : new TextEncoder().encode(body);
        const res = await t.request(path.replace(/:\w+/g, 'x'), { method, headers, body: sent });
        expect(res.status, `${route} with ${contentType}`).toBe(415);
        expect(await res.json()).toMatchObject({
          error: { code: 'unsupported_media_type', message: 'The body must be JSON (Content-Type: application/json)' },
        });
      }
    }
    expect(await lastSeq()).toBe(before);
  });

  it('cannot change settings or a department as text/plain (was 200 with a settings.updated event)', async () => {
    const before = await lastSeq();
    const departments = (await (await t.request('/v1/departments', { headers: bearer(t.demo.admin) })).json()) as {
      departments: { id: string }[];
    };
    for (const path of ['/v1/settings', `/v1/departments/${departments.departments[0].id}`]) {
      const res = await t.request(path, {
        method: 'PATCH',
        headers: { ...bearer(t.demo.admin), 'content-type': 'text/plain' },
        body: JSON.stringify({ limits: { writesPerMinute: 1 } }),
      });
      expect(res.status, path).toBe(415);
    }
    const events = (await (
      await t.request(`/v1/events?after=${before}`, { headers: bearer(t.demo.admin) })
    ).json()) as {
      events: unknown[];
    };
    expect(events.events).toEqual([]);
  });

  it('takes JSON with a charset or a +json type', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const res = await t.request('/v1/me', {
        method: 'PATCH',
        headers: { ...bearer(t.demo.member), 'content-type': contentType },
        body: JSON.stringify({ boardOptOut: false }),
      });
      expect(res.status, contentType).toBe(200);
    }
  });

  it('lists the writes without a body, which take none', () => {
    const served = t.app.routes.map((r) => `${r.method} ${r.path}`);
    for (const route of bodylessWrites) expect(served).toContain(route);
  });
});
