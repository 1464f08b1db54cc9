import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoff } from '../../server/core/backoff.ts';
import { createApp } from '../../server/http/app.ts';
import { deliverPeriodically, wakingLedgers } from '../../server/node/delivery-loop.ts';
import type { Delivery, Webhook } from '../../shared/webhooks.ts';
import { bearer, post, testApp } from '../support/node-app.ts';
import { verifies, webhookReceiver } from '../support/webhook-receiver.ts';

/*
 * Webhooks delivered for real: the Node loop's rounds (driven here, under the ledger's clock) send to a
 * node:http receiver on 127.0.0.1, allowed as the operator allows it (TANDEM_WEBHOOK_ALLOW_PRIVATE/HTTP).
 */
const HOUR = 3_600_000;
let clock = Date.parse('2026-11-30T09:00:00Z');
let t: Awaited<ReturnType<typeof testApp>>;
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
let loop: ReturnType<typeof deliverPeriodically>;

beforeEach(async () => {
  t = await testApp(undefined, { now: () => new Date(clock), allowHttpWebhooks: true });
  receiver = await webhookReceiver({ answer: `accepted ${'x'.repeat(500)}` });
  loop = deliverPeriodically(t.ledgers, async () => ['demo', 'other'], {
    policy: { allowHttp: true, allowPrivate: true },
    everyMs: 24 * HOUR,
  });
});
afterEach(async () => {
  loop.stop();
  await receiver.close();
});

const admin = () => bearer(t.demo.admin);
async function addHook(name: string, target: string, path: string, events = ['thank.public']) {
  const res = await t.request(
    '/v1/webhooks',
    post({ name, target, url: receiver.url(path), events }, { ...admin(), 'idempotency-key': `hook-${name}` }),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Webhook & { secret: string };
}
let thanks = 0;
async function thank(visibility: 'public' | 'private', message: string) {
  const priya = await t.find(t.demo.member, 'Priya Natarajan');
  const res = await t.request(
    '/v1/thanks',
    post(
      { to: [{ kind: 'person', id: priya.id }], message, visibility },
      { ...bearer(t.demo.member), 'idempotency-key': `thank-key-${thanks++}` },
    ),
  );
  expect(res.status).toBe(201);
}
const deliveries = async (id: string) =>
  (
    (await (await t.request(`/v1/webhooks/${id}/deliveries`, { headers: admin() })).json()) as {
      deliveries: Delivery[];
    }
  ).deliveries;
const webhook = async (id: string) =>
  ((await (await t.request('/v1/webhooks', { headers: admin() })).json()) as { webhooks: Webhook[] }).webhooks.find(
    (w) => w.id === id,
  );

describe('webhook delivery to a receiver on loopback', () => {
  it('sends a public thank-you in Slack’s, Teams’ and Standard Webhooks’ format, signed; a private one never', async () => {
    const slack = await addHook('Slack', 'slack', '/slack');
    const teams = await addHook('Teams', 'teams', '/teams');
    const standard = await addHook('Bus', 'standard', '/standard');
    await thank('private', 'Between us: the secret bonus');
    await thank('public', 'For <fixing> payroll & more');
    expect(await loop.round()).toBe(3);
    expect(receiver.all.map((r) => r.path).sort()).toEqual(['/slack', '/standard', '/teams']);
    const at = (path: string) => receiver.all.find((r) => r.path === path) as (typeof receiver.all)[number];
    for (const [path, hook] of [
      ['/slack', slack],
      ['/teams', teams],
      ['/standard', standard],
    ] as const) {
      const r = at(path);
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['webhook-id']).toMatch(/^msg_/);
      expect(Number(r.headers['webhook-timestamp'])).toBeGreaterThan(1_700_000_000);
      expect(verifies(hook.secret, r), path).toBe(true);
      // Another endpoint's secret does not verify it.
      expect(verifies(hook === slack ? teams.secret : slack.secret, r)).toBe(false);
      expect(r.body).not.toContain('secret bonus');
      expect(r.body).not.toMatch(/@\w/);
    }
    const slackBody = JSON.parse(at('/slack').body);
    expect(slackBody.text).toContain('thanked Priya Natarajan');
    expect(slackBody.text).toContain('For &lt;fixing&gt; payroll &amp; more');
    expect(slackBody.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } });
    const card = JSON.parse(at('/teams').body);
    expect(card).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.4' },
        },
      ],
    });
    expect(card.attachments[0].content.body.map((b: { text: string }) => b.text)).toContain(
      'For <fixing> payroll & more',
    );
    const generic = JSON.parse(at('/standard').body);
    expect(generic).toMatchObject({
      type: 'thank.public',
      data: { message: 'For <fixing> payroll & more', to: [{ kind: 'person', name: 'Priya Natarajan' }] },
    });
    expect(Date.parse(generic.timestamp)).toBe(clock);
    // The admin sees it delivered, with no more of the answer than 200 characters.
    const [d] = await deliveries(slack.id);
    expect(d).toMatchObject({ kind: 'thank.public', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    expect(d.responseExcerpt).toHaveLength(200);
    expect(await loop.round()).toBe(0);
  });

  it('delivers everything once the receiver is back, each webhook-id once to a deduplicating receiver', async () => {
    const hook = await addHook('Wall', 'standard', '/wall');
    await receiver.down();
    for (let i = 0; i < 5; i++) await thank('public', `Thanks ${i}`);
    // Down for three hours: every round refuses, and each delivery waits longer.
    for (let round = 0; round < 12; round++) {
      await loop.round();
      clock += 15 * 60_000;
    }
    const waiting = await deliveries(hook.id);
    expect(waiting).toHaveLength(5);
    for (const d of waiting) {
      expect(d).toMatchObject({ status: 'pending', lastStatusCode: null });
      expect(d.attempts).toBeGreaterThan(1);
      expect(d.lastError).toMatch(/ECONNREFUSED/);
      expect(Date.parse(d.nextAttemptAt as string)).toBeGreaterThan(clock - 15 * 60_000);
    }
    expect(receiver.all).toHaveLength(0);
    await receiver.up();
    clock += backoff.capMs;
    await loop.round();
    expect(receiver.unique()).toHaveLength(5);
    expect(receiver.all).toHaveLength(5);
    expect(
      receiver
        .unique()
        .map((r) => JSON.parse(r.body).data.message)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4].map((i) => `Thanks ${i}`));
    expect((await deliveries(hook.id)).map((d) => d.status)).toEqual(Array(5).fill('delivered'));
    expect((await webhook(hook.id))?.state).toBe('active');

    // A resend goes with the same webhook-id: the deduplicating receiver still counts five.
    const first = (await deliveries(hook.id))[0];
    const resend = await t.request(`/v1/webhooks/${hook.id}/deliveries/${first.id}/resend`, {
      method: 'POST',
      headers: admin(),
    });
    expect(resend.status).toBe(202);
    await loop.round();
    expect(receiver.all).toHaveLength(6);
    expect(receiver.all.at(-1)?.headers['webhook-id']).toBe(first.id);
    expect(receiver.unique()).toHaveLength(5);
  });

  it('retries for at least a day, then fails the delivery, pauses the webhook and tells its admins', async () => {
    const hook = await addHook('Flaky', 'slack', '/flaky');
    await receiver.down();
    const start = clock;
    await thank('public', 'Into the void');
    const attempts: number[] = [];
    for (let i = 0; i < 500 && (await deliveries(hook.id))[0].status === 'pending'; i++) {
      const sent = await loop.round();
      if (sent) attempts.push(clock);
      clock += 10 * 60_000;
    }
    const [d] = await deliveries(hook.id);
    expect(d.status).toBe('failed');
    expect(d.attempts).toBe(attempts.length);
    expect(d.attempts).toBeGreaterThanOrEqual(backoff.maxAttempts);
    expect((attempts.at(-1) as number) - start).toBeGreaterThanOrEqual(24 * HOUR);
    const paused = await webhook(hook.id);
    expect(paused).toMatchObject({ state: 'paused' });
    expect(paused?.pausedReason).toMatch(/deliveries in a row failed since .* \(last: connect ECONNREFUSED/);
    const log = (await (await t.request('/v1/events?after=0&limit=500', { headers: admin() })).json()) as {
      events: { type: string; subjectId: string }[];
    };
    expect(log.events.filter((e) => e.type === 'webhook.paused').map((e) => e.subjectId)).toEqual([hook.id]);
    // Its admins are told as a browser notification too, with the reason; nobody else is.
    const told = async (token: string) =>
      (
        (await (await t.request('/v1/notifications?after=0', { headers: bearer(token) })).json()) as {
          items: { kind: string; webhookId?: string; title: string; body: string }[];
        }
      ).items.filter((i) => i.kind === 'webhookPaused');
    expect(await told(t.demo.admin)).toEqual([
      expect.objectContaining({ webhookId: hook.id, title: 'Webhook paused: Flaky', body: paused?.pausedReason }),
    ]);
    expect(await told(t.demo.manager)).toEqual([]);
    expect(await told(t.demo.member)).toEqual([]);

    // Paused, it is sent nothing; resumed and resent, the failed delivery arrives with its first id.
    await receiver.up();
    await thank('public', 'While paused');
    await t.request(`/v1/webhooks/${hook.id}/test`, { method: 'POST', headers: admin() });
    expect(await loop.round()).toBe(0);
    const resumed = await t.request(`/v1/webhooks/${hook.id}`, {
      method: 'PATCH',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'active' }),
    });
    expect(await resumed.json()).toMatchObject({ state: 'active', pausedReason: null });
    await t.request(`/v1/webhooks/${hook.id}/deliveries/${d.id}/resend`, { method: 'POST', headers: admin() });
    await loop.round();
    expect(receiver.all.map((r) => r.headers['webhook-id'])).toContain(d.id);
    expect(receiver.all.map((r) => JSON.parse(r.body).text)).toContain('Test from Tandem: Flaky works');
  });

  it('refuses a private address unless the operator allows it, and http at creation unless allowed', async () => {
    const hook = await addHook('Inside', 'standard', '/inside');
    await thank('public', 'Hello');
    const strict = deliverPeriodically(t.ledgers, async () => ['demo'], {
      policy: { allowHttp: true, allowPrivate: false },
      everyMs: 24 * HOUR,
    });
    await strict.round();
    strict.stop();
    expect(receiver.all).toHaveLength(0);
    expect((await deliveries(hook.id))[0].lastError).toBe(
      'Refused: 127.0.0.1 resolves to a private address (127.0.0.1)',
    );

    // Node connects to the addresses it checked, never to a second answer for the name: here the name has
    // no DNS answer at all, and the delivery still reaches the one address the check was given.
    const port = new URL(receiver.url('/')).port;
    const pinned = await t.request(
      '/v1/webhooks',
      post(
        { name: 'Pinned', target: 'standard', url: `http://hooks.invalid:${port}/pinned`, events: ['thank.public'] },
        { ...admin(), 'idempotency-key': 'hook-pinned' },
      ),
    );
    expect(pinned.status).toBe(201);
    await thank('public', 'Pinned');
    const lookups: string[] = [];
    const pinning = deliverPeriodically(t.ledgers, async () => ['demo'], {
      policy: { allowHttp: true, allowPrivate: true },
      everyMs: 24 * HOUR,
      resolve: async (host) => {
        lookups.push(host);
        return ['127.0.0.1'];
      },
    });
    await pinning.round();
    pinning.stop();
    expect(lookups).toContain('hooks.invalid');
    expect(receiver.all.map((r) => r.path)).toContain('/pinned');
    expect(receiver.all.find((r) => r.path === '/pinned')?.headers.host).toBe(`hooks.invalid:${port}`);

    const https = await testApp();
    const res = await https.request(
      '/v1/webhooks',
      post(
        { name: 'Plain', target: 'slack', url: 'http://hooks.example/x', events: ['digest'] },
        { ...bearer(https.demo.admin), 'idempotency-key': 'plain-key-1' },
      ),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: { url: 'An https:// address' } } });
    const ftp = await https.request(
      '/v1/webhooks',
      post(
        { name: 'Ftp', target: 'slack', url: 'ftp://hooks.example/x', events: ['digest'] },
        { ...bearer(https.demo.admin), 'idempotency-key': 'ftp-key-1' },
      ),
    );
    expect(ftp.status).toBe(400);
    expect(await ftp.json()).toMatchObject({ error: { fields: { url: expect.any(String) } } });
  });

  it('wakes the loop after a write that may queue a delivery, not after a read', async () => {
    const wake = vi.fn();
    const app = createApp({ ledgers: wakingLedgers(t.ledgers, wake), screenshots: t.screenshots });
    expect((await app.request('/v1/inbox', { headers: bearer(t.demo.member) })).status).toBe(200);
    expect(wake).not.toHaveBeenCalled();
    const priya = await t.find(t.demo.member, 'Priya Natarajan');
    const res = await app.request(
      '/v1/thanks',
      post(
        { to: [{ kind: 'person', id: priya.id }], message: 'Quick' },
        { ...bearer(t.demo.member), 'idempotency-key': 'wake-thank-1' },
      ),
    );
    expect(res.status).toBe(201);
    expect(wake).toHaveBeenCalledTimes(1);
  });
});
