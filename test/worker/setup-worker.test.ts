import { describe, expect, it } from 'vitest';
import { call, json } from './worker-fetch.ts';

const operator = { authorization: 'Bearer test-setup-token' };
const globex = { name: 'Globex Corporation', admin: { name: 'Hank Scorpio', email: 'hank@globex.example' } };
type Created = { orgId: string; admin: { code: string; joinUrl: string } };

describe('an organisation from nothing through the Worker (POST /v1/setup/organisations)', () => {
  it('creates it in its own Durable Object; the admin signs in with the one-time code and builds it', async () => {
    const res = await call('/v1/setup/organisations', json(globex, operator));
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created.orgId).toBe('globex-corporation');
    expect(created.admin.joinUrl).toBe(`https://tandem.test/join#${encodeURIComponent(created.admin.code)}`);

    const session = await call('/v1/session', json({ code: created.admin.code }));
    expect(session.status).toBe(201);
    const me = (await session.json()) as { token: string };
    expect(me).toMatchObject({ org: { id: 'globex-corporation' }, person: { name: 'Hank Scorpio', role: 'admin' } });
    expect((await call('/v1/session', json({ code: created.admin.code }))).status).toBe(401);

    const auth = { authorization: `Bearer ${me.token}` };
    const people = (await (await call('/v1/people', { headers: auth })).json()) as { people: { name: string }[] };
    expect(people.people.map((p) => p.name)).toEqual(['Hank Scorpio']);
    const department = await call(
      '/v1/departments',
      json({ name: 'Research' }, { ...auth, 'idempotency-key': 'globex-research' }),
    );
    expect(department.status).toBe(201);
    const log = (await (await call('/v1/events', { headers: auth })).json()) as { events: { type: string }[] };
    expect(log.events.map((e) => e.type)).toEqual(['org.created', 'token.issued', 'department.added']);

    // The same name again gets an id of its own.
    const again = await call('/v1/setup/organisations', json(globex, operator));
    expect(((await again.json()) as Created).orgId).toBe('globex-corporation-2');
  });

  it('refuses a wrong or missing token with 401 and bad input with 400 naming the field, creating nothing', async () => {
    const body = { ...globex, name: 'Initech' };
    const wrong: Record<string, string>[] = [
      {},
      { authorization: 'Bearer test-setup-tokeN' },
      { authorization: 'test-setup-token' },
    ];
    for (const headers of wrong) {
      const res = await call('/v1/setup/organisations', json(body, headers));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    }
    const bad = await call(
      '/v1/setup/organisations',
      json({ ...body, admin: { name: 'Bill', email: 'no' } }, operator),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { 'admin.email': 'A valid email' } },
    });
    const blank = await call('/v1/setup/organisations', json({ ...body, name: ' \u200b ' }, operator));
    expect(await blank.json()).toMatchObject({ error: { fields: { name: 'Name the organisation' } } });
    // Nothing was made: the name is still free.
    const made = await call('/v1/setup/organisations', json(body, operator));
    expect(((await made.json()) as Created).orgId).toBe('initech');
  });
});
