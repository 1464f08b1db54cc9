import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { screenshotStore } from '../../server/blobs/screenshots.ts';
import { createApp } from '../../server/http/app.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { orgRegistry } from '../../server/setup/org-registry.ts';
import { bearer, post } from '../support/node-app.ts';

const token = 'operator-secret-0123456789';
const ada = { name: 'Acme', admin: { name: 'Ada Lovelace', email: 'Ada@Acme.example' } };

function operatorApp(setupToken: string | undefined) {
  const storage = createStorage({ driver: memory() });
  const ledgers = nodeLedgers(':memory:', storage);
  const app = createApp({ ledgers, screenshots: screenshotStore(createStorage({ driver: memory() })), setupToken });
  const request = (path: string, init: RequestInit = {}) => app.request(`http://tandem.test${path}`, init);
  const create = (body: unknown, secret = token) => request('/v1/setup/organisations', post(body, bearer(secret)));
  return { request, create, registry: orgRegistry(storage) };
}

type Created = { orgId: string; name: string; admin: { code: string; joinUrl: string; expiresAt: string } };

describe('POST /v1/setup/organisations (operators)', () => {
  it('creates an empty organisation whose admin signs in once with the one-time code, with one event', async () => {
    const t = operatorApp(token);
    const res = await t.create(ada);
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created).toMatchObject({ orgId: 'acme', name: 'Acme' });
    expect(created.admin.code).toMatch(/^acme\.[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(created.admin.joinUrl).toBe(`http://tandem.test/join#${encodeURIComponent(created.admin.code)}`);
    expect(Date.parse(created.admin.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const session = await t.request('/v1/session', post({ code: created.admin.code }));
    expect(session.status).toBe(201);
    const me = (await session.json()) as { token: string };
    expect(me).toMatchObject({
      org: { id: 'acme', name: 'Acme' },
      person: { name: 'Ada Lovelace', role: 'admin', email: 'ada@acme.example' },
      departments: [],
      values: [],
    });
    expect((await t.request('/v1/session', post({ code: created.admin.code }))).status).toBe(401);

    // Nothing of the demo: Ada alone, no departments, one event.
    const auth = { headers: bearer(me.token) };
    const people = (await (await t.request('/v1/people', auth)).json()) as { people: { name: string }[] };
    expect(people.people.map((p) => p.name)).toEqual(['Ada Lovelace']);
    expect(await (await t.request('/v1/departments', auth)).json()).toEqual({ departments: [] });
    const log = (await (await t.request('/v1/events', auth)).json()) as { events: { type: string }[] };
    expect(log.events.map((e) => e.type)).toEqual(['org.created', 'token.issued']);
  });

  it('makes the id from the name, unique when taken, at most 40 characters', async () => {
    const t = operatorApp(token);
    const idOf = async (name: string) => ((await (await t.create({ ...ada, name })).json()) as Created).orgId;
    expect(await idOf('Acme')).toBe('acme');
    expect(await idOf('ACME')).toBe('acme-2');
    expect(await idOf('acme!')).toBe('acme-3');
    expect(await idOf('Café Ünited — Zürich')).toBe('cafe-united-zurich');
    expect(await idOf('東京')).toBe('org');
    const long = 'The Very Long Name Of A Company Incorporated Worldwide';
    const first = await idOf(long);
    expect(first).toBe('the-very-long-name-of-a-company-incorpor');
    const second = await idOf(long);
    expect(second).toBe('the-very-long-name-of-a-company-incorp-2');
    expect(second.length).toBeLessThanOrEqual(40);
  });

  it('refuses an invisible name or a bad email with 400 naming the field, and creates nothing', async () => {
    const t = operatorApp(token);
    const cases: [unknown, string][] = [
      [{ ...ada, name: '   ' }, 'name'],
      [{ ...ada, name: '\u200b\u200d' }, 'name'],
      [{ name: 'Acme' }, 'admin'],
      [{ ...ada, admin: { ...ada.admin, name: '' } }, 'admin.name'],
      [{ ...ada, admin: { ...ada.admin, email: 'ada-at-acme' } }, 'admin.email'],
    ];
    for (const [body, field] of cases) {
      const res = await t.create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = (await res.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields)).toContain(field);
    }
    expect(await t.registry.list()).toEqual([]);
  });

  it('answers 401 without the token or with a wrong one, before reading the body, and creates nothing', async () => {
    const t = operatorApp(token);
    for (const secret of ['', 'wrong', token.slice(0, -1), `${token}x`, token.toUpperCase()]) {
      for (const path of ['/v1/setup/organisations', '/v1/setup/demo']) {
        const res = await t.request(path, post({ nonsense: true }, secret ? bearer(secret) : {}));
        expect(res.status, `${path} with "${secret}"`).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      }
    }
    expect(await t.registry.list()).toEqual([]);
  });

  it('refuses a body that is not JSON with 415 once the token is right', async () => {
    const t = operatorApp(token);
    for (const path of ['/v1/setup/organisations', '/v1/setup/demo']) {
      const headers = { ...bearer(token), 'content-type': 'text/plain' };
      const res = await t.request(path, { method: 'POST', headers, body: JSON.stringify({ ...ada, orgId: 'x' }) });
      expect(res.status).toBe(415);
    }
    expect(await t.registry.list()).toEqual([]);
  });

  it('is absent (404) where no setup token is configured', async () => {
    const t = operatorApp(undefined);
    for (const path of ['/v1/setup/organisations', '/v1/setup/demo']) {
      const res = await t.request(path, post({ ...ada, orgId: 'x' }, bearer('anything')));
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(await t.registry.list()).toEqual([]);
  });
});
