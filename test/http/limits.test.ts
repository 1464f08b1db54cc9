import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const patchSettings = (token: string, body: unknown) =>
  t.request('/v1/settings', {
    method: 'PATCH',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const thank = (token: string, to: string, n: number) =>
  t.request(
    '/v1/thanks',
    post(
      { to: [{ kind: 'person', id: to }], message: `Thanks #${n}` },
      { ...bearer(token), 'idempotency-key': `limit-${n}-${to}` },
    ),
  );
const lastSeq = async () =>
  ((await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as { seq: number }).seq;

describe('organisation limits', () => {
  it('are read by everyone and changed by admins only', async () => {
    expect(await (await t.request('/v1/settings', { headers: bearer(t.demo.member) })).json()).toEqual({
      limits: { writesPerMinute: 60, thanksPerRecipientPerDay: 5 },
      digest: { day: 'mon', hour: 8, timeZone: 'UTC' },
      pulses: { threshold: 5 },
    });
    expect((await patchSettings(t.demo.manager, { limits: { writesPerMinute: 10 } })).status).toBe(403);
    // The digests' day, hour and time zone: an IANA zone this runtime knows, named when it does not.
    const zone = await patchSettings(t.demo.admin, { digest: { timeZone: 'Mars/Olympus' } });
    expect(zone.status).toBe(400);
    expect(await zone.json()).toMatchObject({ error: { fields: { 'digest.timeZone': expect.any(String) } } });
    const moved = await patchSettings(t.demo.admin, { digest: { day: 'fri', hour: 16, timeZone: 'Europe/Paris' } });
    expect(await moved.json()).toMatchObject({
      limits: { writesPerMinute: 60 },
      digest: { day: 'fri', hour: 16, timeZone: 'Europe/Paris' },
    });
    const bad = await patchSettings(t.demo.admin, { limits: { writesPerMinute: 0 } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { 'limits.writesPerMinute': expect.any(String) } } });
    // Pulses' anonymity threshold: the organisation's to raise, never below 3.
    const low = await patchSettings(t.demo.admin, { pulses: { threshold: 2 } });
    expect(low.status).toBe(400);
    expect(await low.json()).toMatchObject({ error: { fields: { 'pulses.threshold': expect.any(String) } } });
    expect(await (await patchSettings(t.demo.admin, { pulses: { threshold: 3 } })).json()).toMatchObject({
      pulses: { threshold: 3 },
      digest: { day: 'fri' },
    });
  });

  it('caps thanks from one sender to one recipient per day, naming the recipient field', async () => {
    expect((await patchSettings(t.demo.admin, { limits: { thanksPerRecipientPerDay: 2 } })).status).toBe(200);
    const priya = (await t.find(t.demo.member, 'Priya Natarajan')).id;
    const jonas = (await t.find(t.demo.member, 'Jonas Berg')).id;
    expect((await thank(t.demo.member, priya, 1)).status).toBe(201);
    expect((await thank(t.demo.member, priya, 2)).status).toBe(201);
    const before = await lastSeq();
    const third = await thank(t.demo.member, priya, 3);
    expect(third.status).toBe(429);
    // Until the next UTC day, when the cap counts again.
    const untilTomorrow = (Date.parse(new Date().toISOString().slice(0, 10)) + 86_400_000 - Date.now()) / 1000;
    expect(Math.abs(Number(third.headers.get('retry-after')) - untilTomorrow)).toBeLessThan(5);
    expect(await third.json()).toMatchObject({
      error: { code: 'rate_limited', fields: { 'to.0.id': expect.any(String) } },
    });
    expect(await lastSeq()).toBe(before);
    // Another recipient, or another sender, is not affected.
    expect((await thank(t.demo.member, jonas, 4)).status).toBe(201);
    expect((await thank(t.demo.manager, priya, 5)).status).toBe(201);
  });

  it('caps writes per person per minute, and a refused write changes nothing', async () => {
    expect(
      (await patchSettings(t.demo.admin, { limits: { writesPerMinute: 3, thanksPerRecipientPerDay: 100 } })).status,
    ).toBe(200);
    const people = ['Omar Haddad', 'Kenji Sato', 'Grace Kim'];
    const ids = await Promise.all(people.map(async (name) => (await t.find(t.demo.admin, name)).id));
    // Signing in is the sender's first write of the minute (it issues a token).
    const sender = await t.tokenFor('Hannah Weiss');
    const responses = [];
    for (const [i, id] of ids.entries()) responses.push(await thank(sender, id, 10 + i));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 429]);
    // Until this minute's window ends.
    expect(Number(responses[2].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(responses[2].headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});
