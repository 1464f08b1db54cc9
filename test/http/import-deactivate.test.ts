import { beforeAll, describe, expect, it } from 'vitest';
import { demoOrg, emailOf } from '../../server/setup/demo-org.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

/*
 * A later HR export that leaves people out, with "deactivate people not in this file": previewed by a
 * dry run that changes nothing, then done in the import's own transaction, never to the admin importing.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

// Maya (the manager) stays; Sam (the member), Alex (the admin importing) and six others are left out.
const kept = demoOrg.people
  .map((p) => p.name)
  .filter((n) => !['Sam Rivera', 'Alex Chen'].includes(n))
  .slice(0, 10);
const leftOut = demoOrg.people
  .map((p) => p.name)
  .filter((n) => !kept.includes(n) && n !== 'Alex Chen')
  .sort();
const csv = [
  'name,email',
  ...kept.map((n) => `${n},${emailOf(n).toUpperCase()}`),
  'Zoe New,zoe@northwind.example',
].join('\n');

const importing = (body: object) => t.request('/v1/people/import', post({ csv, ...body }, bearer(t.demo.admin)));
const events = async () =>
  (
    (await (await t.request('/v1/events?limit=500', { headers: bearer(t.demo.admin) })).json()) as {
      events: { type: string; data: Record<string, unknown> }[];
    }
  ).events;
const status = async (token: string) => (await t.request('/v1/me', { headers: bearer(token) })).status;

describe('import, deactivating the people missing from the file', () => {
  it('previews who would go with a dry run, changing nothing', async () => {
    const before = await events();
    const res = await importing({ deactivateMissing: true, dryRun: true });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { deactivatedPeople: { name: string }[] };
    expect(preview).toMatchObject({ created: 1, updated: 10, departmentsCreated: 0, deactivated: 7 });
    expect(preview.deactivatedPeople.map((p) => p.name)).toEqual(leftOut);
    expect(leftOut).toContain('Sam Rivera');
    expect(await events()).toEqual(before);
    expect(await status(t.demo.member)).toBe(200);
  });

  it('deactivates no one unless asked', async () => {
    const res = await importing({ dryRun: true });
    expect(await res.json()).toMatchObject({ created: 1, updated: 10, deactivated: 0, deactivatedPeople: [] });
  });

  it('deactivates them with the import in one event, revoking their tokens, never the admin importing', async () => {
    const before = (await events()).length;
    const res = await importing({ deactivateMissing: true });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { deactivated: number; deactivatedPeople: { id: string; name: string }[] };
    expect(result).toMatchObject({ created: 1, updated: 10, deactivated: 7 });
    expect(result.deactivatedPeople.map((p) => p.name)).toEqual(leftOut);

    expect(await status(t.demo.member)).toBe(401); // Sam's token is revoked
    expect(await status(t.demo.manager)).toBe(200); // Maya is in the file
    expect(await status(t.demo.admin)).toBe(200); // Alex imported it
    const people = (await (
      await t.request('/v1/people?includeInactive=true&limit=200', { headers: bearer(t.demo.admin) })
    ).json()) as { people: { name: string; active: boolean }[] };
    expect(
      people.people
        .filter((p) => !p.active)
        .map((p) => p.name)
        .sort(),
    ).toEqual(leftOut);
    // The other organisation is untouched.
    expect(await status(t.other.member)).toBe(200);

    const added = (await events()).slice(before);
    expect(added.map((e) => e.type)).toEqual(['person.added', 'people.imported']);
    expect(added[1].data).toMatchObject({ deactivated: 7 });
    expect((added[1].data.deactivatedIds as string[]).sort()).toEqual(result.deactivatedPeople.map((p) => p.id).sort());
  });

  it('refuses to deactivate from a file with no one in it (everyone would go)', async () => {
    const before = await events();
    const res = await t.request(
      '/v1/people/import',
      post({ csv: 'name,email\n', deactivateMissing: true }, bearer(t.demo.admin)),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', fields: { csv: 'No rows' } } });
    expect(await events()).toEqual(before);
  });

  it('refuses deactivateMissing that is not a boolean, changing nothing', async () => {
    const res = await importing({ deactivateMissing: 'yes' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { deactivateMissing: expect.any(String) } } });
  });
});
