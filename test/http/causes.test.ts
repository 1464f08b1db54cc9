import { beforeAll, describe, expect, it } from 'vitest';
import type { Handoffs } from '../../shared/leaderboard.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let priya: string;
let askId: string;
beforeAll(async () => {
  t = await testApp();
  priya = await t.tokenFor('Priya Natarajan');
  const payroll = (await t.find(t.demo.member, 'Payroll')).id;
  const res = await t.request(
    '/v1/asks',
    post(
      { to: { kind: 'department', id: payroll }, subject: 'Bonus for a contractor' },
      {
        ...bearer(t.demo.member),
        'idempotency-key': 'causes-ask-1',
      },
    ),
  );
  askId = ((await res.json()) as { id: string }).id;
  const declined = await t.request(
    `/v1/asks/${askId}/status`,
    post({ status: 'declined', reason: 'Not ours' }, bearer(priya)),
  );
  expect(declined.status).toBe(200);
});

const cause = (body: unknown, token = priya, id = askId) =>
  t.request(`/v1/asks/${id}/cause`, post(body, bearer(token)));
const handoffs = async (token = t.demo.manager) =>
  t.request('/v1/insights/handoffs?period=all', { headers: bearer(token) });
const noted = async () => {
  const res = await t.request('/v1/events?limit=500', { headers: bearer(t.demo.admin) });
  const { events } = (await res.json()) as { events: { type: string }[] };
  return events.filter((e) => e.type === 'ask.cause_noted').length;
};

describe('POST /v1/asks/:id/cause', () => {
  it('refuses a cause not in the list, or any words beside it, naming the field, and records nothing', async () => {
    const before = await noted();
    const unknown = await cause({ cause: 'Tom Becker' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { cause: expect.any(String) } },
    });
    const missing = await cause({});
    expect(await missing.json()).toMatchObject({
      error: { message: 'Missing: cause', fields: { cause: expect.stringContaining('tools_or_access') } },
    });
    // No free text rides along: an extra field is refused, not dropped.
    const words = await cause({ cause: 'other', note: 'Tom never answers' });
    expect(words.status).toBe(400);
    expect(await words.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { body: expect.any(String) } },
    });
    const text = await t.request(`/v1/asks/${askId}/cause`, {
      method: 'POST',
      headers: { ...bearer(priya), 'content-type': 'text/plain' },
      body: 'capacity',
    });
    expect(text.status).toBe(415);
    expect(await noted()).toBe(before);
    expect(((await (await handoffs()).json()) as Handoffs).causes).toEqual([]);
  });

  it('records the decliner’s cause once; a retry answers the same; the managers’ hand-offs show it', async () => {
    const first = await cause({ cause: 'tools_or_access' });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ askId, step: 'declined', cause: 'tools_or_access' });
    const again = await cause({ cause: 'tools_or_access' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const other = await cause({ cause: 'capacity' });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: { code: 'conflict', fields: { cause: expect.any(String) } } });
    expect(await noted()).toBe(1);
    const map = (await (await handoffs()).json()) as Handoffs;
    expect(map.causes).toEqual([expect.objectContaining({ counts: { tools_or_access: 1 }, total: 1 })]);
    // The requester took no step: told so, nothing recorded.
    expect((await cause({ cause: 'capacity' }, t.demo.member)).status).toBe(409);
  });

  it('keeps the causes from members and from other organisations', async () => {
    const refused = await handoffs(t.demo.member);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('tools_or_access');
    // Another organisation's manager sees its own map, without this organisation's causes.
    const theirs = (await (await handoffs(t.other.manager)).json()) as Handoffs;
    expect(theirs.causes).toEqual([]);
    // Another organisation's people cannot give a cause for this organisation's ask: not found.
    for (const token of [t.other.admin, t.other.member]) {
      const res = await cause({ cause: 'capacity' }, token);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(await noted()).toBe(1);
  });
});
