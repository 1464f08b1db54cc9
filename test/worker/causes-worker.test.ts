import { describe, expect, it } from 'vitest';
import { call, json } from './worker-fetch.ts';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function setupOrg(orgId: string) {
  const res = await call('/v1/setup/demo', json({ orgId }, { authorization: 'Bearer test-setup-token' }));
  expect(res.status).toBe(201);
  const { codes } = (await res.json()) as { codes: Record<'member' | 'manager' | 'admin', string> };
  const signIn = async (code: string) =>
    ((await (await call('/v1/session', json({ code }))).json()) as { token: string }).token;
  return { member: await signIn(codes.member), manager: await signIn(codes.manager), admin: await signIn(codes.admin) };
}

async function departmentId(token: string, name: string) {
  const res = await call(`/v1/directory?q=${encodeURIComponent(name)}`, { headers: auth(token) });
  const { entries } = (await res.json()) as { entries: { id: string; name: string; kind: string }[] };
  return entries.find((e) => e.name === name && e.kind === 'department')?.id;
}

describe('causes through the Worker and its Durable Object', () => {
  it('records a decliner’s cause once, refuses a bad one naming the field, shows it to managers only', async () => {
    const a = await setupOrg('causes-a');
    const b = await setupOrg('causes-b');
    // Sam (Sales) asks HR; Maya (HR) declines it.
    const hr = await departmentId(a.member, 'HR');
    const created = await call(
      '/v1/asks',
      json(
        { to: { kind: 'department', id: hr }, subject: 'Parental leave form' },
        {
          ...auth(a.member),
          'idempotency-key': 'causes-worker-1',
        },
      ),
    );
    const askId = ((await created.json()) as { id: string }).id;
    const declined = await call(
      `/v1/asks/${askId}/status`,
      json({ status: 'declined', reason: 'Payroll has it' }, auth(a.manager)),
    );
    expect(declined.status).toBe(200);

    const bad = await call(`/v1/asks/${askId}/cause`, json({ cause: 'Sam' }, auth(a.manager)));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { cause: expect.any(String) } },
    });
    const other = await call(`/v1/asks/${askId}/cause`, json({ cause: 'capacity' }, auth(b.admin)));
    expect(other.status).toBe(404);
    const first = await call(`/v1/asks/${askId}/cause`, json({ cause: 'unclear_owner' }, auth(a.manager)));
    expect(first.status).toBe(201);
    const again = await call(`/v1/asks/${askId}/cause`, json({ cause: 'unclear_owner' }, auth(a.manager)));
    expect(again.status).toBe(200);

    const map = await call('/v1/insights/handoffs?period=all', { headers: auth(a.manager) });
    const sales = await departmentId(a.member, 'Sales');
    expect(((await map.json()) as { causes: unknown[] }).causes).toEqual([
      { from: sales, to: hr, counts: { unclear_owner: 1 }, total: 1 },
    ]);
    expect((await call('/v1/insights/handoffs?period=all', { headers: auth(a.member) })).status).toBe(403);
    const theirs = await call('/v1/insights/handoffs?period=all', { headers: auth(b.manager) });
    expect(((await theirs.json()) as { causes: unknown[] }).causes).toEqual([]);
  });
});
