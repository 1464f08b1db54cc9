import { env, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { createStorage } from 'unstorage';
import kvBinding from 'unstorage/drivers/cloudflare-kv-binding';
import { describe, expect, it } from 'vitest';
import { unknownOrgsId } from '../../server/core/remote.ts';
import { codeHash } from '../../server/http/routes/session.ts';
import { workerLedgers } from '../../server/worker/ledgers.ts';
import { call, json } from './worker-fetch.ts';

const stub = (name: string) => env.LEDGER.get(env.LEDGER.idFromName(name));
const failures = (name: string) =>
  runInDurableObject(stub(name), (_, state) =>
    state.storage.sql.exec('SELECT client, failures FROM sign_in_failures').toArray(),
  );

async function setupOrg(orgId: string) {
  const res = await call('/v1/setup/demo', json({ orgId }, { authorization: 'Bearer test-setup-token' }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { codes: { member: string } }).codes;
}

describe('wrong sign-in codes on the Worker', () => {
  it('are counted in the organisation’s Durable Object, which every isolate asks', async () => {
    const codes = await setupOrg('guarded');
    const from = { 'cf-connecting-ip': '203.0.113.7' };
    for (let i = 0; i < 10; i++) {
      expect((await call('/v1/session', json({ code: `guarded.WRONG-${1000 + i}` }, from))).status).toBe(401);
    }
    const locked = await call('/v1/session', json({ code: codes.member }, from));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await failures('guarded')).toEqual([{ client: 'guarded|203.0.113.7', failures: 10 }]);
    // Another isolate's wiring, with nothing in memory, finds the same lockout in the object.
    const fresh = workerLedgers(env, createStorage({ driver: kvBinding({ binding: env.CONFIG }) }));
    const ledger = await fresh.open('guarded');
    await expect(
      ledger?.signIn(
        await codeHash('guarded', codes.member.split('.')[1]),
        { hash: 'h', label: 'x' },
        'guarded|203.0.113.7',
      ),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    // Another client is not locked out.
    expect(
      (await call('/v1/session', json({ code: codes.member }, { 'cf-connecting-ip': '203.0.113.8' }))).status,
    ).toBe(201);
  });

  it('for an organisation that does not exist are counted alike, in one shared object', async () => {
    const from = { 'cf-connecting-ip': '203.0.113.9' };
    const answers = [];
    for (let i = 0; i < 11; i++) {
      const res = await call('/v1/session', json({ code: `no-such-org.WRONG-${1000 + i}` }, from));
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[0]).toEqual({
      status: 401,
      body: { error: { code: 'invalid_code', message: expect.any(String), fields: { code: expect.any(String) } } },
    });
    expect(answers[10].status).toBe(429);
    expect(await failures(unknownOrgsId)).toContainEqual({ client: 'no-such-org|203.0.113.9', failures: 10 });
  });
});

describe('screenshots no ask attached, on the Worker', () => {
  it('are removed from R2 by the alarm a day after their upload; attached ones stay', async () => {
    const codes = await setupOrg('shots');
    const signIn = await call('/v1/session', json({ code: codes.member }));
    const token = ((await signIn.json()) as { token: string }).token;
    const auth = { authorization: `Bearer ${token}` };
    const upload = async (tail: string) => {
      const image = `data:image/png;base64,${btoa(`\x89PNG\r\n\x1a\n${tail}`)}`;
      const res = await call('/v1/screenshots', json({ image }, auth));
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const kept = await upload('kept');
    const dropped = await upload('dropped');
    const dir = await call('/v1/directory?q=Payroll', { headers: auth });
    const payroll = ((await dir.json()) as { entries: { id: string }[] }).entries[0].id;
    const asked = await call(
      '/v1/asks',
      json(
        {
          to: { kind: 'department', id: payroll },
          subject: 'Look',
          context: { url: 'https://x.test/', screenshot: kept },
        },
        { ...auth, 'idempotency-key': 'shots-ask-1' },
      ),
    );
    expect(asked.status).toBe(201);
    const object = stub('shots');
    expect(await runInDurableObject(object, (_, state) => state.storage.getAlarm())).not.toBeNull();
    const blobs = async () => (await env.BLOBS.list({ prefix: 'screenshots:shots:' })).objects.map((o) => o.key);
    expect(await blobs()).toHaveLength(2);

    // The clock moved a day on, as far as the uploads are concerned.
    await runInDurableObject(object, (_, state) => {
      state.storage.sql.exec(
        `UPDATE screenshots SET uploaded_at = ?`,
        new Date(Date.now() - 25 * 3_600_000).toISOString(),
      );
    });
    expect(await runDurableObjectAlarm(object)).toBe(true);
    const left = await blobs();
    expect(left).toHaveLength(1);
    expect(left[0].endsWith(kept)).toBe(true);
    expect(left.some((k) => k.endsWith(dropped))).toBe(false);
  });
});
