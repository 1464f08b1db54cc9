import { expect, it } from 'vitest';
import { call, json } from './worker-fetch.ts';

/* A custom range in years 1–3 used to reach the Durable Object and fail there (500): it is refused at the door. */
it('answers 400 naming the field, not 500, for a custom range in year 1', async () => {
  const setup = await call('/v1/setup/demo', json({ orgId: 'ancient' }, { authorization: 'Bearer test-setup-token' }));
  expect(setup.status).toBe(201);
  const { codes } = (await setup.json()) as { codes: { manager: string } };
  const session = await call('/v1/session', json({ code: codes.manager }, {}));
  const { token } = (await session.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  for (const path of ['/v1/leaderboard', '/v1/insights/service', '/v1/insights/handoffs']) {
    const res = await call(`${path}?period=custom&from=0001-01-01&to=0003-12-31`, { headers });
    expect(res.status, path).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'validation_failed', fields: { from: expect.any(String) } },
    });
  }
  expect((await call('/v1/leaderboard?period=custom&from=2026-01-01&to=2026-03-31', { headers })).status).toBe(200);
}, 60_000);
