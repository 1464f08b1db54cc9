import { abortAllDurableObjects, env, runDurableObjectAlarm } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { seededDemo } from '../support/demo.ts';
import type { Arrival } from '../support/outbound-receiver.ts';

/*
 * The Durable Object's alarm sends the outbox: its fetches leave workerd and reach the receiver in Node
 * (test/support/outbound-receiver.ts, miniflare's outboundService), which the test reads back over fetch.
 */
const received = async (path: string): Promise<Arrival[]> =>
  (await fetch(`http://hooks.test/__received?path=${path}`)).json();

/** Rings the object's alarm until `check` holds (the alarm may already have rung by itself), at most ~20 s. */
async function until(stub: DurableObjectStub, path: string, check: (a: Arrival[]) => boolean) {
  for (let i = 0; i < 200; i++) {
    const got = await received(path);
    if (check(got)) return got;
    await runDurableObjectAlarm(stub);
    await new Promise((r) => setTimeout(r, 100));
  }
  return received(path);
}

/** A Standard Webhooks signature, computed here with WebCrypto independently of the server's signer. */
async function expectedSignature(secret: string, a: Arrival) {
  const raw = Uint8Array.from(atob(secret.slice('whsec_'.length)), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${a.id}.${a.timestamp}.${a.body}`));
  return `v1,${btoa(String.fromCharCode(...new Uint8Array(mac)))}`;
}

describe('webhooks sent from the Durable Object, in workerd', () => {
  it('sends a public thank-you signed, never a private one, and a manager’s digest once a week', async () => {
    const ledgers = workerLedgers(env, createStorage({ driver: memory() }));
    const demo = await seededDemo(ledgers);
    const { ledger: L, admin, member, manager } = demo;
    let stub = env.LEDGER.get(env.LEDGER.idFromName(demo.orgId));
    const path = `/${crypto.randomUUID()}`;
    const hook = (
      await L.createWebhook(
        admin,
        { name: 'Bus', target: 'standard', url: `http://hooks.test${path}`, events: ['thank.public', 'digest'] },
        'bus',
      )
    ).result;
    const priya = await demo.find('Priya Natarajan');
    const thank = (visibility: 'public' | 'private') =>
      L.createThank(
        member,
        { to: [{ kind: 'person', id: priya.id }], message: `A ${visibility} thank-you`, values: [], visibility },
        `thank-${visibility}`,
      );
    await thank('private');
    await thank('public');
    const [arrival, ...more] = await until(stub, path, (a) => a.length >= 1);
    expect(more).toEqual([]);
    expect(arrival.id).toMatch(/^msg_/);
    expect(arrival.signature).toBe(await expectedSignature(hook.secret, arrival));
    const body = JSON.parse(arrival.body);
    expect(body).toMatchObject({
      type: 'thank.public',
      data: { message: 'A public thank-you', to: [{ name: 'Priya Natarajan' }] },
    });
    expect(arrival.body).not.toContain('@');
    expect((await L.deliveries(admin, hook.id, 10)).deliveries).toMatchObject([
      { id: arrival.id, status: 'delivered', attempts: 1, lastStatusCode: 200, responseExcerpt: 'ok' },
    ]);

    // The digest: due today from midnight UTC; once, however often the alarm rings, across the object's restart.
    await L.chooseDigest(manager, { webhookId: hook.id });
    const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date().getUTCDay()];
    await L.updateSettings(admin, { digest: { day, hour: 0, timeZone: 'UTC' } });
    const digests = (a: Arrival[]) => a.filter((x) => JSON.parse(x.body).type === 'digest');
    expect(digests(await until(stub, path, (a) => digests(a).length >= 1))).toHaveLength(1);
    await runDurableObjectAlarm(stub);
    // The object restarts (its memory gone, its storage kept): a fresh stub and ledger reach the new instance.
    await abortAllDurableObjects();
    stub = env.LEDGER.get(env.LEDGER.idFromName(demo.orgId));
    const reopened = await ledgers.open(demo.orgId);
    await reopened?.scheduleDeliveries();
    await runDurableObjectAlarm(stub);
    const after = await received(path);
    expect(digests(after)).toHaveLength(1);
    expect(JSON.parse(digests(after)[0].body).data).toMatchObject({
      organisation: expect.any(String),
      week: expect.any(String),
    });
  });
});
