import { describe, expect, it } from 'vitest';
import { answer } from '../contract/pulses-contract.ts';
import { call, json } from './worker-fetch.ts';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(code: string) {
  const r = await call('/v1/session', json({ code }));
  expect(r.status).toBe(201);
  return ((await r.json()) as { token: string }).token;
}

async function find(token: string, name: string): Promise<string> {
  const res = await call(`/v1/directory?q=${encodeURIComponent(name)}`, { headers: auth(token) });
  const { entries } = (await res.json()) as { entries: { id: string; name: string }[] };
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found.id;
}

// Pulses through the real Worker and its Durable Object: concurrent answers and retries, one each; the export silent.
describe('pulses through the Worker, inside workerd', () => {
  it('keeps one answer per person under concurrent retries, and shows results only after close', async () => {
    const setup = await call('/v1/setup/demo', json({ orgId: 'pulses' }, { authorization: 'Bearer test-setup-token' }));
    const { codes } = (await setup.json()) as { codes: { manager: string; admin: string } };
    const [manager, admin] = [await signIn(codes.manager), await signIn(codes.admin)];
    const payroll = await find(admin, 'Payroll');
    const people = ['Sam Rivera', 'Jonas Berg', 'Aisha Bello', 'Carlos Mendes', 'Kenji Sato'];
    const tokens = await Promise.all(
      people.map(async (name) => {
        const res = await call('/v1/invitations', json({ personId: await find(admin, name) }, auth(admin)));
        return signIn(((await res.json()) as { code: string }).code);
      }),
    );
    const opened = await call(
      '/v1/pulses',
      json(
        { departmentIds: [payroll], closesAt: new Date(Date.now() + 86_400_000).toISOString() },
        { ...auth(manager), 'idempotency-key': 'worker-pulse-1' },
      ),
    );
    expect(opened.status).toBe(201);
    const pulse = (await opened.json()) as { id: string };
    const answers = await Promise.all(
      tokens.flatMap((token, i) =>
        [1, 2, 3].map(() =>
          call(
            `/v1/pulses/${pulse.id}/responses`,
            json(answer(payroll, 6, 4, `Note ${i}`), { ...auth(token), 'idempotency-key': `worker-answer-${i}` }),
          ),
        ),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(15).fill(201));
    const early = await call(`/v1/pulses/${pulse.id}/results`, { headers: auth(manager) });
    expect(await early.json()).toMatchObject({ departments: [{ hidden: 'open', respondents: null }] });
    expect((await call(`/v1/pulses/${pulse.id}/close`, { method: 'POST', headers: auth(manager) })).status).toBe(200);
    const results = (await (await call(`/v1/pulses/${pulse.id}/results`, { headers: auth(manager) })).json()) as {
      departments: { respondents: number; hidden: string | null; comments: string[] }[];
    };
    expect(results.departments[0]).toMatchObject({ respondents: 5, hidden: null });
    expect(results.departments[0].comments).toHaveLength(5);
    const exported = await (await call('/v1/events?after=0&limit=500', { headers: auth(admin) })).text();
    expect(exported).toContain('pulse.opened');
    expect(exported).not.toContain('pulse.answered');
    expect(exported).not.toContain('Note 0');
  });
});
