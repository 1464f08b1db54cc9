import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let daniel: string;
let askId: string;
beforeAll(async () => {
  t = await testApp();
  daniel = await t.tokenFor('Daniel Novak');
  const sales = (await t.find(t.demo.member, 'Sales')).id;
  const priya = await t.tokenFor('Priya Natarajan');
  const res = await t.request(
    '/v1/asks',
    post(
      { to: { kind: 'department', id: sales }, subject: 'A quote for ACME' },
      { ...bearer(priya), 'idempotency-key': 'assignees-ask-1' },
    ),
  );
  askId = ((await res.json()) as { id: string }).id;
});

const search = (token: string, query: string, id = askId) =>
  t.request(`/v1/asks/${id}/assignees${query}`, { headers: bearer(token) });

describe("GET /v1/asks/:id/assignees: the department's members, searched", () => {
  it('finds a member from any of their words in any order, case aside, with their title', async () => {
    const res = await search(daniel, '?q=riv%20SAM');
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as { people: { name: string }[] };
    expect(people).toEqual([{ id: expect.any(String), name: 'Sam Rivera', title: 'Account Executive' }]);
    const all = (await (await search(daniel, '?limit=2')).json()) as { people: { name: string }[] };
    expect(all.people.map((p) => p.name)).toEqual(['Daniel Novak', 'Emma Laurent']);
  });

  it('refuses a bad limit or an over-long query, naming the field', async () => {
    for (const query of ['?limit=0', '?limit=51', '?limit=ten', `?q=${'a'.repeat(81)}`]) {
      const res = await search(daniel, query);
      expect(res.status, query).toBe(400);
      const field = query.startsWith('?q') ? 'q' : 'limit';
      expect(await res.json(), query).toMatchObject({
        error: { code: 'validation_failed', fields: { [field]: expect.any(String) } },
      });
    }
  });

  it('lists nobody to the requester (403), to anyone else or another organisation (404 as for the ask)', async () => {
    const requester = await search(await t.tokenFor('Priya Natarajan'), '?q=sam');
    expect(requester.status).toBe(403);
    expect(await requester.json()).toMatchObject({ error: { code: 'forbidden' } });
    for (const token of [await t.tokenFor('Carlos Mendes'), t.demo.manager, t.demo.admin, t.other.admin]) {
      const res = await search(token, '?q=sam');
      expect(res.status).toBe(404);
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ error: { code: 'not_found' } });
      expect(body).not.toContain('Rivera');
    }
    expect((await search(daniel, '', 'no-such-ask')).status).toBe(404);
    expect((await t.request(`/v1/asks/${askId}/assignees`)).status).toBe(401);
  });
});
