import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const thank = (token: string, body: unknown, key = `k-${crypto.randomUUID()}`) =>
  t.request('/v1/thanks', post(body, { ...bearer(token), 'idempotency-key': key }));

describe('sign-in', () => {
  it('exchanges a code for a token whatever its case, and refuses a wrong one', async () => {
    const lower = t.demo.codes.member.replace(/\.(.*)$/, (_, s: string) => `.${s.toLowerCase()}`);
    const res = await t.request('/v1/session', post({ code: ` ${lower} ` }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ person: { name: 'Sam Rivera', role: 'member' }, org: { id: 'demo' } });
    const wrong = await t.request('/v1/session', post({ code: 'demo.AAAA-BBBB' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'invalid_code', message: expect.any(String), fields: { code: 'Not valid' } },
    });
    const unknownOrg = await t.request('/v1/session', post({ code: 'nowhere.AAAA-BBBB' }));
    expect(unknownOrg.status).toBe(401);
  });

  it('names the field of a malformed code', async () => {
    const res = await t.request('/v1/session', post({ code: 'no dots here' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { code: expect.any(String) } },
    });
  });

  it('signs out: the token stops working at once', async () => {
    const token = await t.signIn(t.demo.codes.member);
    expect((await t.request('/v1/me', { headers: bearer(token) })).status).toBe(200);
    expect((await t.request('/v1/me/session', { method: 'DELETE', headers: bearer(token) })).status).toBe(204);
    expect((await t.request('/v1/me', { headers: bearer(token) })).status).toBe(401);
  });
});

describe('every route but sign-in needs a valid token', () => {
  const routes: [string, string][] = [
    ['GET', '/v1/me'],
    ['DELETE', '/v1/me/session'],
    ['GET', '/v1/directory?q=a'],
    ['GET', '/v1/inbox'],
    ['POST', '/v1/asks'],
    ['GET', '/v1/asks/a_123'],
    ['GET', '/v1/asks/similar?departmentId=d&url=https://x.example'],
    ['POST', '/v1/asks/a_123/status'],
    ['POST', '/v1/asks/a_123/replies'],
    ['POST', '/v1/asks/a_123/assign'],
    ['POST', '/v1/asks/a_123/forward'],
    ['POST', '/v1/asks/a_123/rating'],
    ['POST', '/v1/asks/a_123/follow'],
    ['GET', '/v1/queue'],
    ['GET', '/v1/sync?after=0'],
    ['GET', '/v1/departments'],
    ['PATCH', '/v1/departments/d_123'],
    ['POST', '/v1/departments'],
    ['GET', '/v1/people'],
    ['POST', '/v1/people'],
    ['PATCH', '/v1/people/p_123'],
    ['POST', '/v1/people/import'],
    ['POST', '/v1/invitations'],
    ['GET', '/v1/settings'],
    ['PATCH', '/v1/settings'],
    ['GET', '/v1/me/tokens'],
    ['POST', '/v1/me/sign-out-everywhere'],
    ['POST', '/v1/thanks'],
    ['GET', '/v1/leaderboard'],
    ['GET', '/v1/events'],
  ];
  it.each(routes)(
    '%s %s → 401 without a token, with a garbage one, and with a forged organisation',
    async (method, path) => {
      const forged = t.demo.member.replace('tdm_demo_', 'tdm_other_');
      for (const headers of [{}, bearer('garbage'), bearer(forged)]) {
        const res = await t.request(path, { method, headers });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
      }
    },
  );
});

describe('thanks', () => {
  it('refuses bad input with 400 naming each field, and writes nothing', async () => {
    const priya = await t.find(t.demo.member, 'Priya Natarajan');
    const before = await t.request('/v1/events?after=0&limit=500', { headers: bearer(t.demo.admin) });
    const { last } = (await before.json()) as { last: number };
    const res = await thank(t.demo.member, { to: [], message: '   ', visibility: 'everyone' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(['message', 'to', 'visibility']);
    const noKey = await t.request(
      '/v1/thanks',
      post({ to: [{ kind: 'person', id: priya.id }], message: 'Hi' }, bearer(t.demo.member)),
    );
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ error: { fields: { 'idempotency-key': expect.any(String) } } });
    const notJson = await t.request('/v1/thanks', {
      method: 'POST',
      headers: { ...bearer(t.demo.member), 'content-type': 'application/json', 'idempotency-key': 'abcdefgh' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    const after = await t.request(`/v1/events?after=${last}`, { headers: bearer(t.demo.admin) });
    expect(((await after.json()) as { events: unknown[] }).events).toEqual([]);
  });

  it('refuses a body over 64 KiB, declared or streamed (413)', async () => {
    const body = JSON.stringify({ to: [{ kind: 'person', id: 'x' }], message: 'x'.repeat(70_000) });
    const headers = { ...bearer(t.demo.member), 'content-type': 'application/json', 'idempotency-key': 'too-big-1' };
    const declared = await t.request('/v1/thanks', {
      method: 'POST',
      headers: { ...headers, 'content-length': String(body.length) },
      body,
    });
    const streamed = await t.request('/v1/thanks', { method: 'POST', headers, body });
    for (const res of [declared, streamed]) {
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({
        error: { code: 'payload_too_large', message: expect.stringContaining('too large') },
      });
    }
  });

  it('refuses thanking yourself (422, self_thanks)', async () => {
    const me = (await (await t.request('/v1/me', { headers: bearer(t.demo.member) })).json()) as {
      person: { id: string };
    };
    const res = await thank(t.demo.member, { to: [{ kind: 'person', id: me.person.id }], message: 'Me!' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'self_thanks' } });
  });

  it('replays a retried key with the same result, and refuses the key with another body (422)', async () => {
    const priya = await t.find(t.demo.member, 'Priya Natarajan');
    const body = { to: [{ kind: 'person', id: priya.id }], message: 'Thanks for the quick fix' };
    const first = await thank(t.demo.member, body, 'retry-key-1');
    const again = await thank(t.demo.member, body, 'retry-key-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    const changed = await thank(t.demo.member, { ...body, message: 'Changed' }, 'retry-key-1');
    expect(changed.status).toBe(422);
    expect(await changed.json()).toMatchObject({ error: { code: 'idempotency_key_reused' } });
  });

  it('never reaches into another organisation', async () => {
    const otherPriya = await t.find(t.other.member, 'Priya Natarajan');
    const res = await thank(t.demo.member, { to: [{ kind: 'person', id: otherPriya.id }], message: 'Hello?' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: 'unknown_recipient', fields: { 'to.0.id': expect.any(String) } },
    });
  });
});

describe('asks', () => {
  it('creates an ask with page context; the department reads it, an outsider gets 404', async () => {
    const payroll = await t.find(t.demo.member, 'Payroll');
    const res = await t.request(
      '/v1/asks',
      post(
        {
          to: { kind: 'department', id: payroll.id },
          subject: 'Overtime missing',
          context: { url: 'https://payroll.example/slip/11', title: 'Payslip', selection: 'Overtime 0.00' },
          expectedBy: '2026-12-01',
        },
        { ...bearer(t.demo.member), 'idempotency-key': 'ask-key-001' },
      ),
    );
    expect(res.status).toBe(201);
    const ask = (await res.json()) as { id: string };
    // The demo manager works in HR: not party to an ask to Payroll.
    expect((await t.request(`/v1/asks/${ask.id}`, { headers: bearer(t.demo.member) })).status).toBe(200);
    const outsider = await t.request(`/v1/asks/${ask.id}`, { headers: bearer(t.demo.manager) });
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(await outsider.json())).not.toContain('Overtime');
    expect((await t.request(`/v1/asks/${ask.id}`, { headers: bearer(t.other.admin) })).status).toBe(404);
  });

  it('refuses a context that is not an http(s) page, naming the field', async () => {
    const payroll = await t.find(t.demo.member, 'Payroll');
    const res = await t.request(
      '/v1/asks',
      post(
        { to: { kind: 'department', id: payroll.id }, subject: 'Hi', context: { url: 'javascript:alert(1)' } },
        { ...bearer(t.demo.member), 'idempotency-key': 'ask-key-002' },
      ),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { 'context.url': expect.any(String) } } });
  });
});

describe('leaderboard and events', () => {
  it('is for managers and admins (403 for members)', async () => {
    expect((await t.request('/v1/leaderboard', { headers: bearer(t.demo.member) })).status).toBe(403);
    expect((await t.request('/v1/leaderboard?period=week', { headers: bearer(t.demo.manager) })).status).toBe(200);
    const bad = await t.request('/v1/leaderboard?period=decade', { headers: bearer(t.demo.manager) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { period: expect.any(String) } } });
  });

  it('shows the event log to admins only', async () => {
    expect((await t.request('/v1/events', { headers: bearer(t.demo.manager) })).status).toBe(403);
    expect((await t.request('/v1/events', { headers: bearer(t.demo.admin) })).status).toBe(200);
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('tokens', () => {
  it('lists where I am signed in, revokes one, and signs out everywhere', async () => {
    const laptop = await t.signIn(t.demo.codes.admin);
    const phone = await t.signIn(t.demo.codes.admin);
    const list = (await (await t.request('/v1/me/tokens', { headers: bearer(laptop) })).json()) as {
      tokens: { id: string; current: boolean }[];
    };
    expect(list.tokens.filter((k) => k.current)).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(laptop.slice(10));
    const phoneId = (await (await t.request('/v1/me/tokens', { headers: bearer(phone) })).json()) as {
      tokens: { id: string; current: boolean }[];
    };
    const id = phoneId.tokens.find((k) => k.current)?.id;
    // Another person cannot revoke it: not found.
    expect((await t.request(`/v1/me/tokens/${id}`, { method: 'DELETE', headers: bearer(t.demo.member) })).status).toBe(
      404,
    );
    expect((await t.request(`/v1/me/tokens/${id}`, { method: 'DELETE', headers: bearer(laptop) })).status).toBe(204);
    expect((await t.request('/v1/me', { headers: bearer(phone) })).status).toBe(401);
    const everywhere = await t.request('/v1/me/sign-out-everywhere', { method: 'POST', headers: bearer(laptop) });
    expect(await everywhere.json()).toMatchObject({ revoked: expect.any(Number) });
    expect((await t.request('/v1/me', { headers: bearer(laptop) })).status).toBe(401);
    expect((await t.request('/v1/me', { headers: bearer(t.demo.admin) })).status).toBe(401);
    t.demo.admin = await t.signIn(t.demo.codes.admin);
  });
});

describe('local mode and sign-in limits', () => {
  it('answers only to the host names it was started for', async () => {
    const { createApp } = await import('../../server/http/app.ts');
    const local = createApp({
      ledgers: t.ledgers,
      screenshots: t.screenshots,
      allowedHosts: ['127.0.0.1:8787', 'localhost:8787'],
    });
    expect((await local.request('http://127.0.0.1:8787/health')).status).toBe(200);
    const rebound = await local.request('http://evil.example/v1/me', { headers: bearer(t.demo.member) });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('slows down code guessing: after 10 wrong codes a minute, even a right one waits (429)', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await t.request('/v1/session', post({ code: `other.WRNG-${String(i).padStart(4, 'A')}` }))).status).toBe(
        401,
      );
    }
    const blocked = await t.request('/v1/session', post({ code: t.other.codes.member }));
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await blocked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another organisation is not affected.
    expect((await t.request('/v1/session', post({ code: t.demo.codes.member }))).status).toBe(201);
  });
});

describe('the event export', () => {
  it('never carries a private thank-you, and its cursor moves past it', async () => {
    const jonas = await t.find(t.demo.member, 'Jonas Berg');
    const before = (await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as {
      seq: number;
    };
    const res = await thank(t.demo.member, {
      to: [{ kind: 'person', id: jonas.id }],
      message: 'Between us',
      visibility: 'private',
    });
    expect(res.status).toBe(201);
    const page = (await (
      await t.request(`/v1/events?after=${before.seq}`, { headers: bearer(t.demo.admin) })
    ).json()) as {
      events: unknown[];
      last: number;
      more: boolean;
    };
    expect(page).toEqual({ events: [], last: before.seq + 1, more: false });
  });
});
