import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let priyaId: string;
beforeAll(async () => {
  t = await testApp();
  priyaId = (await t.find(t.demo.member, 'Priya Natarajan')).id;
  const res = await t.request(
    '/v1/thanks',
    post(
      { to: [{ kind: 'person', id: priyaId }], message: 'Thanks!' },
      { ...bearer(t.demo.member), 'idempotency-key': 'insights-thank-1' },
    ),
  );
  expect(res.status).toBe(201);
});

const get = (path: string, token = t.demo.manager) => t.request(path, { headers: bearer(token) });
const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe('the managers’ API', () => {
  it('answers every insight to a manager and refuses a member, naming no data', async () => {
    for (const path of [
      '/v1/leaderboard?period=year',
      '/v1/insights/service?period=quarter',
      '/v1/insights/handoffs?period=all',
      '/v1/insights/unsung?period=month',
      '/v1/insights/trends?weeks=8',
      '/v1/digest',
    ]) {
      expect((await get(path)).status, path).toBe(200);
      const refused = await get(path, t.demo.member);
      expect(refused.status, path).toBe(403);
      expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    }
  });

  it('refuses a custom range without its days, or backwards, naming the fields', async () => {
    const missing = await get('/v1/leaderboard?period=custom');
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { from: expect.any(String), to: expect.any(String) } },
    });
    const backwards = await get('/v1/insights/service?period=custom&from=2026-05-01&to=2026-04-01');
    expect(await backwards.json()).toMatchObject({ error: { fields: { to: 'Ends before it starts' } } });
    expect((await get('/v1/insights/trends?weeks=500')).status).toBe(400);
  });

  it('renders the weekly digest for email and for chat, and leaves people who opted out off it', async () => {
    const json = (await (await get(`/v1/digest?at=${nextWeek}`)).json()) as { topPeople: { name: string }[] };
    expect(json.topPeople.map((p) => p.name)).toEqual(['Priya Natarajan']);
    const text = await get(`/v1/digest?format=text&at=${nextWeek}`);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(await text.text()).toContain('1. Priya Natarajan — 1 thank-you from 1 person');
    const page = await get(`/v1/digest?format=html&at=${nextWeek}`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<li>Priya Natarajan — 1 thank-you from 1 person</li>');

    const priya = await t.tokenFor('Priya Natarajan');
    const out = await t.request('/v1/me', {
      method: 'PATCH',
      headers: { ...bearer(priya), 'content-type': 'application/json' },
      body: JSON.stringify({ boardOptOut: true }),
    });
    expect(await out.json()).toMatchObject({ preferences: { boardOptOut: true } });
    expect(((await (await get(`/v1/digest?at=${nextWeek}`)).json()) as { topPeople: unknown[] }).topPeople).toEqual([]);
    const board = (await (await get('/v1/leaderboard?period=all')).json()) as { rows: unknown[] };
    expect(board.rows).toEqual([]);
    const bad = await t.request('/v1/me', {
      method: 'PATCH',
      headers: { ...bearer(priya), 'content-type': 'application/json' },
      body: JSON.stringify({ boardOptOut: 'yes' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { boardOptOut: expect.any(String) } } });
  });

  it('escapes names in the HTML digest', async () => {
    const admin = t.demo.admin;
    const res = await t.request(`/v1/people/${priyaId}`, {
      method: 'PATCH',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      body: JSON.stringify({ name: '<img src=x onerror=alert(1)>' }),
    });
    expect(res.status).toBe(200);
    const priya = await t.tokenFor('<img src=x onerror=alert(1)>');
    await t.request('/v1/me', {
      method: 'PATCH',
      headers: { ...bearer(priya), 'content-type': 'application/json' },
      body: JSON.stringify({ boardOptOut: false }),
    });
    const html = await (await get(`/v1/digest?format=html&at=${nextWeek}`)).text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
