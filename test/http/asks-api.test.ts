import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let priya: string;
let payrollId: string;
beforeAll(async () => {
  t = await testApp();
  priya = await t.tokenFor('Priya Natarajan');
  payrollId = (await t.find(t.demo.member, 'Payroll')).id;
});

const page = 'https://payroll.example/payslips/2026-11';
const key = () => ({ 'idempotency-key': `key-${crypto.randomUUID()}` });
const call = (token: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  t.request(path, body === undefined ? { headers: bearer(token) } : post(body, { ...bearer(token), ...headers }));

async function newAsk(subject: string, url = `${page}/${crypto.randomUUID()}`) {
  const res = await call(
    t.demo.member,
    '/v1/asks',
    { to: { kind: 'department', id: payrollId }, subject, context: { url } },
    key(),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('the ask lifecycle over HTTP', () => {
  it('moves an ask along and answers each refusal with its status and stable code', async () => {
    const id = await newAsk('Overtime missing');
    const detail = await call(priya, `/v1/asks/${id}`);
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      ask: { status: 'open' },
      actions: { canReply: true, canAssign: true },
    });
    // The requester cannot acknowledge their own ask: 403.
    const forbidden = await call(t.demo.member, `/v1/asks/${id}/status`, { status: 'acknowledged' });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect((await call(priya, `/v1/asks/${id}/status`, { status: 'in_progress' })).status).toBe(200);
    // Declining needs a reason, named as the field at fault.
    const noReason = await call(priya, `/v1/asks/${id}/status`, { status: 'declined' });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { reason: 'Say why' } },
    });
    const illegal = await call(priya, `/v1/asks/${id}/status`, { status: 'acknowledged' });
    expect(illegal.status).toBe(409);
    expect(await illegal.json()).toMatchObject({
      error: { code: 'illegal_transition', fields: { status: expect.any(String) } },
    });
    const reply = await call(priya, `/v1/asks/${id}/replies`, { body: 'Looking into it' }, key());
    expect(reply.status).toBe(201);
    expect(await reply.json()).toMatchObject({
      ask: { replyCount: 1 },
      timeline: expect.arrayContaining([expect.objectContaining({ type: 'reply', body: 'Looking into it' })]),
    });
    expect((await call(priya, `/v1/asks/${id}/status`, { status: 'resolved' })).status).toBe(200);
    const rated = await call(
      t.demo.member,
      `/v1/asks/${id}/rating`,
      { overall: 4, thanks: { message: 'Thank you Priya!' } },
      key(),
    );
    expect(rated.status).toBe(201);
    expect(await rated.json()).toMatchObject({ ask: { rating: { overall: 4 }, thankCount: 1 } });
    const again = await call(t.demo.member, `/v1/asks/${id}/rating`, { overall: 2 }, key());
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'already_rated' } });
  });

  it('refuses a rating out of range and a reply without a key, naming the field', async () => {
    const id = await newAsk('Holiday pay');
    const bad = await call(t.demo.member, `/v1/asks/${id}/rating`, { overall: 7 }, key());
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { overall: expect.any(String) } } });
    const noKey = await call(priya, `/v1/asks/${id}/replies`, { body: 'hi' });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ error: { fields: { 'idempotency-key': expect.any(String) } } });
  });

  it('hides an ask from everyone else: 404 on every route, with nothing of it in the body', async () => {
    const id = await newAsk('Secret bonus question');
    const hr = (await t.find(t.demo.member, 'HR')).id;
    const outsiders = [t.demo.manager, t.demo.admin, t.other.admin];
    for (const token of outsiders) {
      const responses = [
        await call(token, `/v1/asks/${id}`),
        await call(token, `/v1/asks/${id}/status`, { status: 'acknowledged' }),
        await call(token, `/v1/asks/${id}/replies`, { body: 'hi' }, key()),
        await call(token, `/v1/asks/${id}/assign`, { assigneeId: null }),
        await call(token, `/v1/asks/${id}/forward`, { departmentId: hr }),
        await call(token, `/v1/asks/${id}/rating`, { overall: 1 }, key()),
        await call(token, `/v1/asks/${id}/follow`, { url: 'https://elsewhere.example/' }),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('Secret bonus');
      }
    }
  });

  it('offers to follow an open ask about the same page instead of creating a duplicate', async () => {
    const url = `${page}/dup`;
    const id = await newAsk('Overtime again', url);
    const emma = await t.tokenFor('Emma Laurent');
    const dup = await call(
      emma,
      '/v1/asks',
      { to: { kind: 'department', id: payrollId }, subject: 'Me too', context: { url } },
      key(),
    );
    expect(dup.status).toBe(200);
    expect(await dup.json()).toMatchObject({ duplicateOf: { id, subject: null, to: { name: 'Payroll' } } });
    const similar = await call(emma, `/v1/asks/similar?departmentId=${payrollId}&url=${encodeURIComponent(url)}`);
    expect(await similar.json()).toMatchObject({ asks: [{ id }] });
    const followed = await call(emma, `/v1/asks/${id}/follow`, { url });
    expect(followed.status).toBe(200);
    expect(await followed.json()).toMatchObject({ ask: { subject: 'Overtime again' } });
  });

  it("shows Payroll's queue to its members and keeps the sync cursor cheap", async () => {
    const id = await newAsk('Queue me');
    const queue = (await (await call(priya, '/v1/queue')).json()) as {
      queues: { department: { name: string }; asks: { id: string }[] }[];
    };
    expect(queue.queues.map((q) => q.department.name)).toEqual(['Payroll']);
    expect(queue.queues[0].asks.map((a) => a.id)).toContain(id);
    expect((await (await call(t.demo.manager, '/v1/queue')).json()) as unknown).toMatchObject({
      queues: [{ department: { name: 'HR' }, asks: [] }],
    });
    const first = (await (await call(priya, '/v1/sync?after=0')).json()) as {
      seq: number;
      changed: boolean;
      waitingOnMe: number;
    };
    expect(first).toMatchObject({ changed: true, waitingOnMe: expect.any(Number) });
    expect(await (await call(priya, `/v1/sync?after=${first.seq}`)).json()).toEqual({ seq: first.seq, changed: false });
    const bad = await call(priya, '/v1/sync?after=-1');
    expect(bad.status).toBe(400);
  });
});

describe('departments', () => {
  it('lists departments with their standard and hours, and lets only admins change them', async () => {
    const list = (await (await call(t.demo.member, '/v1/departments')).json()) as {
      departments: { id: string; name: string; standard: object; hours: object }[];
    };
    const it = list.departments.find((d) => d.name === 'IT');
    expect(it).toMatchObject({
      standard: { firstResponseHours: 2, resolutionHours: 16 },
      hours: { days: [1, 2, 3, 4, 5] },
    });
    const patch = (token: string, body: unknown) =>
      t.request(`/v1/departments/${it?.id}`, {
        method: 'PATCH',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await patch(t.demo.manager, { standard: { firstResponseHours: 1, resolutionHours: 8 } })).status).toBe(403);
    const badZone = await patch(t.demo.admin, {
      hours: { timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' },
    });
    expect(badZone.status).toBe(400);
    expect(await badZone.json()).toMatchObject({ error: { fields: { 'hours.timeZone': 'Unknown time zone' } } });
    const ok = await patch(t.demo.admin, {
      hours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4], start: '08:00', end: '16:00' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ hours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4] } });
  });
});
