import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

type Value = { id: string; name: string; retired: boolean };
const key = () => ({ 'idempotency-key': `values-${crypto.randomUUID()}` });
const send = (method: 'PATCH' | 'PUT', token: string, path: string, body: unknown) =>
  t.request(path, {
    method,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const list = async (token: string, query = '') =>
  ((await (await t.request(`/v1/values${query}`, { headers: bearer(token) })).json()) as { values: Value[] }).values;
const eventCount = async (token: string) =>
  ((await (await t.request('/v1/events?limit=500', { headers: bearer(token) })).json()) as { events: unknown[] }).events
    .length;

describe('company values over HTTP', () => {
  it('lets an admin add (once per key), rename, retire and reorder; everyone reads the active ones in order', async () => {
    const headers = { ...bearer(t.demo.admin), ...key() };
    const created = await t.request('/v1/values', post({ name: '  Curiosity ' }, headers));
    expect(created.status).toBe(201);
    const curiosity = (await created.json()) as Value;
    expect(curiosity).toMatchObject({ name: 'Curiosity', retired: false });
    const again = await t.request('/v1/values', post({ name: '  Curiosity ' }, headers));
    expect(((await again.json()) as Value).id).toBe(curiosity.id);
    const [customer, ownership, teamwork, craft] = await list(t.demo.member);
    expect((await send('PATCH', t.demo.admin, `/v1/values/${teamwork.id}`, { name: 'Team work' })).status).toBe(200);
    const retired = await send('PATCH', t.demo.admin, `/v1/values/${ownership.id}`, { retired: true });
    expect(await retired.json()).toMatchObject({ id: ownership.id, retired: true });
    const order = [curiosity.id, craft.id, customer.id, teamwork.id];
    const moved = await send('PUT', t.demo.admin, '/v1/values/order', { ids: order });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { values: Value[] }).values.map((v) => v.id)).toEqual(order);
    expect((await list(t.demo.member)).map((v) => v.name)).toEqual([
      'Curiosity',
      'Craft',
      'Customer first',
      'Team work',
    ]);
    const me = (await (await t.request('/v1/me', { headers: bearer(t.demo.member) })).json()) as { values: Value[] };
    expect(me.values.map((v) => v.id)).toEqual(order);
    expect((await list(t.demo.manager, '?all=1')).at(-1)).toMatchObject({ name: 'Ownership', retired: true });
  });

  it('refuses members and managers with 403, another organisation with 404, and records nothing', async () => {
    const [first] = await list(t.demo.member);
    const before = await eventCount(t.demo.admin);
    for (const token of [t.demo.member, t.demo.manager]) {
      expect((await t.request('/v1/values', post({ name: 'Mine' }, { ...bearer(token), ...key() }))).status).toBe(403);
      expect((await send('PATCH', token, `/v1/values/${first.id}`, { retired: true })).status).toBe(403);
      expect((await send('PUT', token, '/v1/values/order', { ids: [first.id] })).status).toBe(403);
    }
    expect((await t.request('/v1/values?all=1', { headers: bearer(t.demo.member) })).status).toBe(403);
    const elsewhere = await send('PATCH', t.other.admin, `/v1/values/${first.id}`, { name: 'Hijacked' });
    expect(elsewhere.status).toBe(404);
    expect(await eventCount(t.demo.admin)).toBe(before);
    expect((await list(t.demo.member))[0].name).toBe(first.name);
  });

  it('names the field at fault: blank, too long, a clash, two changes at once, a partial order', async () => {
    const admin = { ...bearer(t.demo.admin) };
    const [first, second] = await list(t.demo.member);
    const before = await eventCount(t.demo.admin);
    const refusals: [Response, number, string][] = [
      [await t.request('/v1/values', post({ name: '\u200b ' }, { ...admin, ...key() })), 400, 'name'],
      [await t.request('/v1/values', post({ name: 'x'.repeat(41) }, { ...admin, ...key() })), 400, 'name'],
      [await t.request('/v1/values', post({ name: first.name.toUpperCase() }, { ...admin, ...key() })), 409, 'name'],
      [await send('PATCH', t.demo.admin, `/v1/values/${first.id}`, { name: 'A', retired: true }), 400, 'name'],
      [await send('PATCH', t.demo.admin, `/v1/values/${first.id}`, { name: second.name }), 409, 'name'],
      [await send('PUT', t.demo.admin, '/v1/values/order', { ids: [first.id] }), 400, 'ids'],
      [await send('PUT', t.demo.admin, '/v1/values/order', { ids: [first.id, first.id] }), 400, 'ids'],
    ];
    for (const [res, status, field] of refusals) {
      const body = (await res.json()) as { error: { fields: Record<string, string> } };
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(Object.keys(body.error.fields)).toContain(field);
    }
    expect(await eventCount(t.demo.admin)).toBe(before);
  });

  it('refuses a retired value on a new thank-you with 400 naming values, and keeps it on the board', async () => {
    const priya = await t.find(t.demo.member, 'Priya Natarajan');
    const [value] = await list(t.demo.member);
    const thank = (values: string[]) =>
      t.request(
        '/v1/thanks',
        post(
          { to: [{ kind: 'person', id: priya.id }], message: 'Thank you', values },
          { ...bearer(t.demo.member), ...key() },
        ),
      );
    expect((await thank([value.id])).status).toBe(201);
    await send('PATCH', t.demo.admin, `/v1/values/${value.id}`, { retired: true });
    const refused = await thank([value.id]);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { values: expect.any(String) } },
    });
    const board = await t.request(`/v1/leaderboard?period=all&valueId=${value.id}`, {
      headers: bearer(t.demo.manager),
    });
    expect(((await board.json()) as { rows: { id: string }[] }).rows.map((r) => r.id)).toEqual([priya.id]);
    const priyaToken = await t.tokenFor('Priya Natarajan');
    const inbox = (await (await t.request('/v1/inbox', { headers: bearer(priyaToken) })).json()) as {
      thanks: { values: string[] }[];
    };
    expect(inbox.thanks[0].values).toEqual([value.name]);
  });
});
