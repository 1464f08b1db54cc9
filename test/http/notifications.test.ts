import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPrefs, Notifications } from '../../shared/notifications.ts';
import { bearer, post, testApp } from '../support/node-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
});

const key = () => ({ 'idempotency-key': `notify-${crypto.randomUUID()}` });
const seq = async (token: string) =>
  ((await (await t.request('/v1/sync', { headers: bearer(token) })).json()) as { seq: number }).seq;
const told = async (token: string, after: number) => {
  const res = await t.request(`/v1/notifications?after=${after}`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return (await res.json()) as Notifications;
};
const putPrefs = (token: string, body: unknown, contentType = 'application/json') =>
  t.request('/v1/me/notifications/preferences', {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': contentType },
    body: JSON.stringify(body),
  });
const prefs = (over: Partial<NotificationPrefs> = {}): NotificationPrefs => ({
  kinds: { newAsk: true, reply: true, resolved: true, thanks: true, atRisk: true },
  quietHours: null,
  timeZone: 'UTC',
  ...over,
});

describe('notifications over HTTP', () => {
  it('tells Priya of the ask to Payroll and of her private thank-you; the sender and everyone else nothing of it', async () => {
    const priya = await t.tokenFor('Priya Natarajan');
    const lena = await t.tokenFor('Lena Fischer');
    const payroll = await t.find(t.demo.member, 'Payroll');
    const priyaId = (await t.find(t.demo.member, 'Priya Natarajan')).id;
    const since = await seq(t.demo.member);
    await t.request(
      '/v1/asks',
      post(
        { to: { kind: 'department', id: payroll.id }, subject: 'Payslip for November' },
        { ...bearer(t.demo.member), ...key() },
      ),
    );
    await t.request(
      '/v1/thanks',
      post(
        { to: [{ kind: 'person', id: priyaId }], message: 'Just between us: thank you', visibility: 'private' },
        { ...bearer(t.demo.member), ...key() },
      ),
    );
    const mine = await told(priya, since);
    expect(mine.items.map((i) => [i.kind, i.title, i.body])).toEqual([
      ['newAsk', 'Sam Rivera asked Payroll', 'Payslip for November'],
      ['thanks', 'Sam Rivera thanked you', 'Just between us: thank you'],
    ]);
    expect(mine).toMatchObject({ more: false, quiet: false, last: await seq(priya) });
    for (const token of [t.demo.member, t.demo.manager, t.demo.admin, lena, t.other.admin]) {
      const page = await told(token, since);
      expect(JSON.stringify(page)).not.toContain('Just between us');
      expect(JSON.stringify(page)).not.toContain('Payslip for November');
    }
    // The other organisation reads its own log, from the start: nothing of this one.
    expect(JSON.stringify(await told(t.other.admin, 0))).not.toContain('Payslip for November');
  });

  it('keeps each person’s own preferences and names the field at fault', async () => {
    const tom = await t.tokenFor('Tom Becker');
    const before = await (await t.request('/v1/me/notifications/preferences', { headers: bearer(tom) })).json();
    expect(before).toEqual(prefs());
    const chosen = prefs({ quietHours: { start: '22:00', end: '07:00' }, timeZone: 'America/New_York' });
    chosen.kinds.thanks = false;
    const saved = await putPrefs(t.demo.manager, chosen);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual(chosen);
    const read = await t.request('/v1/me/notifications/preferences', { headers: bearer(t.demo.manager) });
    expect(await read.json()).toEqual(chosen);
    expect(await (await t.request('/v1/me/notifications/preferences', { headers: bearer(tom) })).json()).toEqual(
      before,
    );

    const refusals: [unknown, string][] = [
      [prefs({ timeZone: 'Mars/Olympus_Mons' }), 'timeZone'],
      [prefs({ quietHours: { start: '25:00', end: '07:00' } }), 'quietHours.start'],
      [prefs({ quietHours: { start: '22:00', end: '7:00' } }), 'quietHours.end'],
      [{ ...prefs(), kinds: { newAsk: true } }, 'kinds.reply'],
    ];
    for (const [body, field] of refusals) {
      const res = await putPrefs(t.demo.manager, body);
      expect(res.status, field).toBe(400);
      const error = ((await res.json()) as { error: { fields: Record<string, string> } }).error;
      expect(Object.keys(error.fields), field).toContain(field);
    }
    expect((await putPrefs(t.demo.manager, prefs(), 'text/plain')).status).toBe(415);
    expect(
      await (await t.request('/v1/me/notifications/preferences', { headers: bearer(t.demo.manager) })).json(),
    ).toEqual(chosen);
    expect((await t.request('/v1/notifications?after=-1', { headers: bearer(tom) })).status).toBe(400);
  });
});
