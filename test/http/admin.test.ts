import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const key = () => ({ 'idempotency-key': `admin-${crypto.randomUUID()}` });
const patch = (token: string, path: string, body: unknown) =>
  t.request(path, {
    method: 'PATCH',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('administration', () => {
  it('adds a person (admins only, email unique) who can then be invited and sign in once', async () => {
    const it = (await t.find(t.demo.member, 'IT')).id;
    const newcomer = { name: 'Zoë Ångström', email: 'zoe@northwind.example', title: 'Analyst', departmentIds: [it] };
    expect((await t.request('/v1/people', post(newcomer, { ...bearer(t.demo.manager), ...key() }))).status).toBe(403);
    const created = await t.request('/v1/people', post(newcomer, { ...bearer(t.demo.admin), ...key() }));
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string; role: string; departmentIds: string[] };
    expect(person).toMatchObject({ role: 'member', departmentIds: [it] });
    const again = await t.request(
      '/v1/people',
      post({ ...newcomer, email: 'ZOE@northwind.example' }, { ...bearer(t.demo.admin), ...key() }),
    );
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { fields: { email: 'Already in use' } } });

    const invitation = await t.request('/v1/invitations', post({ personId: person.id }, bearer(t.demo.admin)));
    expect(invitation.status).toBe(201);
    const { code, link } = (await invitation.json()) as { code: string; link: string };
    expect(link).toContain('/join#');
    expect((await t.request('/join')).headers.get('content-type')).toContain('text/html');
    expect((await t.request('/v1/session', post({ code }))).status).toBe(201);
    // One-time: the second use is refused.
    expect((await t.request('/v1/session', post({ code }))).status).toBe(401);
    expect((await t.request('/v1/invitations', post({ personId: person.id }, bearer(t.demo.member)))).status).toBe(403);
  });

  it('deactivates a person: their tokens stop working, they leave the directory, they cannot be invited', async () => {
    const token = await t.tokenFor('Kenji Sato');
    const kenji = (await t.find(t.demo.admin, 'Kenji Sato')).id;
    expect((await patch(t.demo.manager, `/v1/people/${kenji}`, { active: false })).status).toBe(403);
    const res = await patch(t.demo.admin, `/v1/people/${kenji}`, { active: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ active: false });
    expect((await t.request('/v1/me', { headers: bearer(token) })).status).toBe(401);
    const found = (await (await t.request('/v1/directory?q=kenji', { headers: bearer(t.demo.member) })).json()) as {
      entries: unknown[];
    };
    expect(found.entries).toEqual([]);
    expect((await t.request('/v1/invitations', post({ personId: kenji }, bearer(t.demo.admin)))).status).toBe(409);
    const listed = (await (
      await t.request('/v1/people?q=kenji&includeInactive=true', { headers: bearer(t.demo.admin) })
    ).json()) as {
      people: { active: boolean }[];
    };
    expect(listed.people).toEqual([expect.objectContaining({ active: false })]);
  });

  it('refuses to let an admin lock themselves out', async () => {
    const me = (await (await t.request('/v1/me', { headers: bearer(t.demo.admin) })).json()) as {
      person: { id: string };
    };
    const res = await patch(t.demo.admin, `/v1/people/${me.person.id}`, { role: 'member' });
    expect(res.status).toBe(409);
  });

  it('creates departments with their standard', async () => {
    const res = await t.request(
      '/v1/departments',
      post(
        { name: 'Travel', offers: ['Bookings'], standard: { firstResponseHours: 4, resolutionHours: 24 } },
        { ...bearer(t.demo.admin), ...key() },
      ),
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      name: 'Travel',
      standard: { firstResponseHours: 4 },
      hours: { timeZone: 'UTC' },
    });
    const dup = await t.request('/v1/departments', post({ name: 'travel' }, { ...bearer(t.demo.admin), ...key() }));
    expect(dup.status).toBe(409);
  });
});

describe('CSV import from an HR export', () => {
  const csv = [
    'Name,Email,Title,Departments,Role',
    '"Okafor, Maya",maya.okafor@northwind.example,Chief People Officer,HR,manager',
    'Ines Duarte,ines@northwind.example,"Engineer, Platform",IT;Security,member',
    'Tom Becker,tom.becker@northwind.example,Payroll Manager,Payroll,',
  ].join('\r\n');

  it('refuses a file with any bad row, naming line and column, and imports nothing', async () => {
    const bad = `${csv}\nNo Email,,Intern,Sales,member\nBad Role,x@y.example,,Sales,owner`;
    const res = await t.request('/v1/people/import', post({ csv: bad }, bearer(t.demo.admin)));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(['line 5.email', 'line 6.role']);
    const ines = (await (await t.request('/v1/people?q=ines', { headers: bearer(t.demo.admin) })).json()) as {
      people: unknown[];
    };
    expect(ines.people).toEqual([]);
  });

  it('updates people by email, creates the new ones and their missing departments, in one go', async () => {
    expect((await t.request('/v1/people/import', post({ csv }, bearer(t.demo.manager)))).status).toBe(403);
    const res = await t.request('/v1/people/import', post({ csv }, bearer(t.demo.admin)));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      created: 1,
      updated: 2,
      departmentsCreated: 1,
      deactivated: 0,
      deactivatedPeople: [],
    });
    const maya = (await (await t.request('/v1/me', { headers: bearer(t.demo.manager) })).json()) as {
      person: { name: string; title: string };
    };
    expect(maya.person).toMatchObject({ name: 'Okafor, Maya', title: 'Chief People Officer' });
    const security = await t.find(t.demo.admin, 'Security');
    expect(security.kind).toBe('department');
  });

  it('accepts an export larger than the usual 64 KiB body limit', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `Person ${i},person${i}@bulk.example,Title ${i},Bulk,member`);
    const big = ['name,email,title,departments,role', ...rows].join('\n');
    expect(big.length).toBeGreaterThan(64 * 1024);
    const res = await t.request('/v1/people/import', {
      method: 'POST',
      headers: {
        ...bearer(t.demo.admin),
        'content-type': 'application/json',
        'content-length': String(JSON.stringify({ csv: big }).length),
      },
      body: JSON.stringify({ csv: big }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 1500 });
  });
});
