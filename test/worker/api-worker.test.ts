import { describe, expect, it } from 'vitest';
import { call, json } from './worker-fetch.ts';

async function setupOrg(orgId: string) {
  const res = await call('/v1/setup/demo', json({ orgId }, { authorization: 'Bearer test-setup-token' }));
  expect(res.status).toBe(201);
  const { codes } = (await res.json()) as { codes: { member: string; manager: string; admin: string } };
  const signIn = async (code: string) => {
    const r = await call('/v1/session', json({ code }));
    expect(r.status).toBe(201);
    return ((await r.json()) as { token: string }).token;
  };
  return { member: await signIn(codes.member), manager: await signIn(codes.manager), admin: await signIn(codes.admin) };
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function personId(token: string, name: string): Promise<string> {
  const res = await call(`/v1/directory?q=${encodeURIComponent(name)}`, { headers: auth(token) });
  const { entries } = (await res.json()) as { entries: { id: string; name: string }[] };
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found.id;
}

describe('the Worker (Hono app + Durable Object ledgers) inside workerd', () => {
  it('refuses setup without the deployment token', async () => {
    const res = await call('/v1/setup/demo', json({ orgId: 'sneaky' }, { authorization: 'Bearer wrong' }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('counts 1,000 concurrent thanks to one person through fetch exactly, with exactly 1,000 events', async () => {
    const t = await setupOrg('load');
    const priya = await personId(t.member, 'Priya Natarajan');
    const lifted = await call('/v1/settings', {
      method: 'PATCH',
      headers: { ...auth(t.admin), 'content-type': 'application/json' },
      body: JSON.stringify({ limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } }),
    });
    expect(lifted.status).toBe(200);
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        call(
          '/v1/thanks',
          json(
            { to: [{ kind: 'person', id: priya }], message: `#${i}` },
            { ...auth(t.member), 'idempotency-key': `load-key-${i}` },
          ),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(1000).fill(201));
    const board = await (await call('/v1/leaderboard?period=all', { headers: auth(t.manager) })).json();
    expect(board).toMatchObject({ rows: [{ id: priya, received: 1000, distinctGivers: 1 }] });
    let thanks = 0;
    for (let after = 0; ; ) {
      const page = (await (await call(`/v1/events?after=${after}&limit=500`, { headers: auth(t.admin) })).json()) as {
        events: { type: string }[];
        last: number;
        more: boolean;
      };
      thanks += page.events.filter((e) => e.type === 'thank.created').length;
      if (!page.more) break;
      after = page.last;
    }
    expect(thanks).toBe(1000);
  }, 180_000);

  it('creates one thank-you for a key sent 5 times, and answers 422 to the key with another body', async () => {
    const t = await setupOrg('idem');
    const priya = await personId(t.member, 'Priya Natarajan');
    const body = { to: [{ kind: 'person', id: priya }], message: 'Thank you!' };
    const headers = { ...auth(t.member), 'idempotency-key': 'retry-me-please' };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => call('/v1/thanks', json(body, headers))));
    const ids = new Set(await Promise.all(results.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    const board = (await (await call('/v1/leaderboard?period=all', { headers: auth(t.manager) })).json()) as {
      rows: { received: number }[];
    };
    expect(board.rows[0].received).toBe(1);
    const other = await call('/v1/thanks', json({ ...body, message: 'Different' }, headers));
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: { code: 'idempotency_key_reused' } });
  });

  it("keeps organisations apart: one org's token never reads another's data", async () => {
    const a = await setupOrg('org-a');
    const b = await setupOrg('org-b');
    const priyaA = await personId(a.member, 'Priya Natarajan');
    const sent = await call(
      '/v1/thanks',
      json(
        { to: [{ kind: 'person', id: priyaA }], message: 'A only' },
        { ...auth(a.member), 'idempotency-key': 'org-a-key-1' },
      ),
    );
    expect(sent.status).toBe(201);
    // Same demo names, different organisation: B's Priya is another person with no thanks.
    const boardB = (await (await call('/v1/leaderboard?period=all', { headers: auth(b.manager) })).json()) as {
      rows: unknown[];
    };
    expect(boardB.rows).toEqual([]);
    // A's person id means nothing in B.
    const cross = await call(
      '/v1/thanks',
      json(
        { to: [{ kind: 'person', id: priyaA }], message: 'x' },
        { ...auth(b.member), 'idempotency-key': 'org-b-key-1' },
      ),
    );
    expect(cross.status).toBe(422);
    // A forged token naming org A but holding B's secret is refused.
    const forged = b.member.replace('tdm_org-b_', 'tdm_org-a_');
    expect((await call('/v1/me', { headers: auth(forged) })).status).toBe(401);
  });

  it('keeps screenshots in R2: the ask’s parties get the bytes back, another organisation nothing', async () => {
    const a = await setupOrg('shots-a');
    const b = await setupOrg('shots-b');
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    const up = await call('/v1/screenshots', json({ image: `data:image/png;base64,${png}` }, auth(a.member)));
    expect(up.status).toBe(201);
    const { id: screenshot } = (await up.json()) as { id: string };
    const payroll = await personId(a.member, 'Payroll');
    const created = await call(
      '/v1/asks',
      json(
        {
          to: { kind: 'department', id: payroll },
          subject: 'See the picture',
          context: { url: 'https://hr.example/x', screenshot },
        },
        { ...auth(a.member), 'idempotency-key': 'shots-ask-1' },
      ),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const got = await call(`/v1/asks/${id}/screenshot`, { headers: auth(a.member) });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(Uint8Array.from(atob(png), (c) => c.charCodeAt(0)));
    expect((await call(`/v1/asks/${id}/screenshot`, { headers: auth(b.admin) })).status).toBe(404);
    // B cannot attach A's picture by its id.
    const paying = await personId(b.member, 'Payroll');
    const stolen = await call(
      '/v1/asks',
      json(
        { to: { kind: 'department', id: paying }, subject: 'x', context: { url: 'https://hr.example/y', screenshot } },
        { ...auth(b.member), 'idempotency-key': 'shots-ask-2' },
      ),
    );
    expect(stolen.status).toBe(400);
  });
});
