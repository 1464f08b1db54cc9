import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

/*
 * Every day a caller gives (a period's `at`, a custom range, an ask's needed-by date) is a real
 * calendar day between 1970 and 2100. JavaScript reads years 0–99 as 1900–1999 (`Date.UTC(50, …)`
 * is 1950), so `at=0050-06-15` used to answer for 1950 instead of being refused.
 */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const get = (path: string) => t.request(path, { headers: bearer(t.demo.manager) });

async function refused(path: string, field: string) {
  const res = await get(path);
  const body = await res.text();
  expect(res.status, `${path} → ${body}`).toBe(400);
  expect(JSON.parse(body), path).toMatchObject({
    error: { code: 'validation_failed', fields: { [field]: expect.any(String) } },
  });
}

const outOfRange = ['0050-06-15', '0001-01-01', '0099-12-31', '1969-12-31', '2101-01-01', '9999-12-31'];
const impossible = ['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-6-1', '20260615'];

describe('days in query strings', () => {
  const withAt = [
    '/v1/leaderboard?period=month',
    '/v1/insights/unsung?period=month',
    '/v1/insights/service?period=month',
    '/v1/insights/handoffs?period=quarter',
    '/v1/insights/trends?weeks=4',
    '/v1/digest?format=json',
  ];

  it('refuses an `at` before 1970, after 2100 or not on the calendar, naming it', async () => {
    for (const path of withAt) for (const at of [...outOfRange, ...impossible]) await refused(`${path}&at=${at}`, 'at');
  });

  it('refuses a custom range with either end out of range, naming that end', async () => {
    for (const path of ['/v1/leaderboard', '/v1/insights/service', '/v1/insights/handoffs']) {
      await refused(`${path}?period=custom&from=0001-01-01&to=0003-12-31`, 'from');
      await refused(`${path}?period=custom&from=0050-01-01&to=2026-01-01`, 'from');
      await refused(`${path}?period=custom&from=2026-01-01&to=2101-01-01`, 'to');
      await refused(`${path}?period=custom&from=2026-02-01&to=2026-02-30`, 'to');
      await refused(`${path}?period=custom&from=2026-03-01&to=2026-02-01`, 'to');
    }
  });

  it('answers for the edges of the range and a leap day', async () => {
    for (const at of ['1970-01-01', '2100-12-31', '2024-02-29']) {
      const res = await get(`/v1/leaderboard?period=year&at=${at}`);
      expect(res.status, at).toBe(200);
      expect(await res.json()).toMatchObject({ range: { label: at.slice(0, 4) } });
    }
    expect((await get('/v1/leaderboard?period=custom&from=1970-01-01&to=1972-12-31')).status).toBe(200);
  });
});

describe("an ask's needed-by date", () => {
  it('is refused outside 1970–2100 or off the calendar, naming it, and nothing is recorded', async () => {
    const emma = (await t.find(t.demo.member, 'Emma Laurent')).id;
    const seq = async () =>
      ((await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as { seq: number }).seq;
    const before = await seq();
    for (const expectedBy of [...outOfRange, ...impossible]) {
      const res = await t.request(
        '/v1/asks',
        post(
          { to: { kind: 'person', id: emma }, subject: 'Payslip', expectedBy },
          { ...bearer(t.demo.member), 'idempotency-key': `k-${crypto.randomUUID()}` },
        ),
      );
      expect(res.status, expectedBy).toBe(400);
      expect(await res.json()).toMatchObject({ error: { fields: { expectedBy: expect.any(String) } } });
    }
    expect(await seq()).toBe(before);
  });
});
