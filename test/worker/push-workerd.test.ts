import { abortAllDurableObjects, env, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { OrgLedgerObject } from '../../server/worker/org-ledger-object.ts';
import { openSocket, upgrade } from './push-client.ts';
import { call, json } from './worker-fetch.ts';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function demoOrg(orgId: string) {
  const res = await call('/v1/setup/demo', json({ orgId }, { authorization: 'Bearer test-setup-token' }));
  expect(res.status).toBe(201);
  const { codes } = (await res.json()) as {
    codes: { member: string; payroll: string; manager: string; admin: string };
  };
  const signIn = async (code: string) =>
    ((await (await call('/v1/session', json({ code }))).json()) as { token: string }).token;
  return {
    sam: await signIn(codes.member),
    priya: await signIn(codes.payroll),
    maya: await signIn(codes.manager),
    alex: await signIn(codes.admin),
    stub: env.LEDGER.get(env.LEDGER.idFromName(orgId)) as DurableObjectStub<OrgLedgerObject>,
  };
}

async function personId(token: string, name: string): Promise<string> {
  const res = await call(`/v1/directory?q=${encodeURIComponent(name)}`, { headers: auth(token) });
  const { entries } = (await res.json()) as { entries: { id: string; name: string; kind: string }[] };
  const found = entries.find((e) => e.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found.id;
}

async function ask(token: string, to: { kind: 'person' | 'department'; id: string }, subject: string, key: string) {
  const res = await call('/v1/asks', json({ to, subject }, { ...auth(token), 'idempotency-key': key }));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; seq?: number };
}

const lastSeq = async (token: string) =>
  ((await (await call('/v1/sync?after=0', { headers: auth(token) })).json()) as { seq: number }).seq;

describe('push over the Durable Object’s hibernatable WebSockets, in workerd', () => {
  it('tells Sam at once when Priya replies to his ask, and tells him nothing of an ask between two others', async () => {
    const org = await demoOrg('push-reply');
    const [priyaId, alexId] = [await personId(org.sam, 'Priya Natarajan'), await personId(org.sam, 'Alex Chen')];
    const sam = await openSocket(org.sam);
    const priya = await openSocket(org.priya);

    // Sam asks Priya: she is told (Sam acted: his extension syncs after its own send).
    const samsAsk = await ask(org.sam, { kind: 'person', id: priyaId }, 'My payslip', 'push-ask-1');
    const asked = await lastSeq(org.sam);
    expect(await priya.nextSeq()).toBe(asked);

    // Maya asks Alex: nothing for Sam or Priya. Then Priya replies to Sam: the next thing Sam hears is the reply.
    await ask(org.maya, { kind: 'person', id: alexId }, 'Laptop', 'push-ask-2');
    const reply = await call(
      `/v1/asks/${samsAsk.id}/replies`,
      json({ body: 'Sent it again' }, { ...auth(org.priya), 'idempotency-key': 'push-reply-1' }),
    );
    expect(reply.status).toBe(201);
    const replied = await lastSeq(org.sam);
    expect(await sam.nextSeq()).toBe(replied);
    expect(replied).toBeGreaterThan(asked + 1); // Maya's ask came between, unheard
    // Sam answers: Priya hears it, and had heard nothing of Maya's ask or of her own reply.
    const answer = await call(
      `/v1/asks/${samsAsk.id}/replies`,
      json({ body: 'Got it, thanks' }, { ...auth(org.sam), 'idempotency-key': 'push-reply-2' }),
    );
    expect(answer.status).toBe(201);
    expect(await priya.nextSeq()).toBe(await lastSeq(org.sam));
  });

  it('tells of the first write after the object was evicted, not only of the writes after it', async () => {
    const org = await demoOrg('push-evicted');
    const [priyaId, alexId] = [await personId(org.sam, 'Priya Natarajan'), await personId(org.sam, 'Alex Chen')];
    await abortAllDurableObjects(); // a new instance, as after eviction; her extension reconnects
    const priya = await openSocket(org.priya);
    await ask(org.sam, { kind: 'person', id: priyaId }, 'Asked of a new instance', 'push-evicted-1');
    const asked = await lastSeq(org.sam);
    // Then an ask that is not hers, then a probe: the object answers a message with the last event (the other
    // ask). Told of hers, that push came first: it was sent before Sam's request was answered.
    await ask(org.maya, { kind: 'person', id: alexId }, 'Not hers', 'push-evicted-2');
    priya.ws.send('probe');
    expect(await priya.nextSeq()).toBe(asked);
  });

  it('tells a private thank-you to its recipient only', async () => {
    const org = await demoOrg('push-private');
    const priyaId = await personId(org.maya, 'Priya Natarajan');
    const [sam, priya, maya] = [await openSocket(org.sam), await openSocket(org.priya), await openSocket(org.maya)];
    const thanked = await call(
      '/v1/thanks',
      json(
        { to: [{ kind: 'person', id: priyaId }], message: 'Just between us: thank you', visibility: 'private' },
        { ...auth(org.maya), 'idempotency-key': 'push-thanks-1' },
      ),
    );
    expect(thanked.status).toBe(201);
    const seq = await lastSeq(org.priya);
    expect(await priya.nextSeq()).toBe(seq);
    // Then something for everyone: it is the first thing Sam and Maya hear, so they heard nothing of the thank-you.
    const samId = await personId(org.maya, 'Sam Rivera');
    await ask(org.priya, { kind: 'person', id: samId }, 'Your timesheet', 'push-ask-3');
    const mayaId = await personId(org.maya, 'Maya Okafor');
    await ask(org.priya, { kind: 'person', id: mayaId }, 'Your timesheet too', 'push-ask-4');
    expect(await sam.nextSeq()).toBeGreaterThan(seq);
    expect(await maya.nextSeq()).toBeGreaterThan(seq + 1);
  });

  it('opens no socket for a bad, revoked or missing token, and none of another organisation reaches this one', async () => {
    const org = await demoOrg('push-auth');
    const other = await demoOrg('push-other');
    expect((await upgrade('tdm_push-auth_notatoken')).status).toBe(401);
    expect((await upgrade('tdm_nosuchorg_notatoken')).status).toBe(401);
    const bare = await call('/v1/push', { headers: { upgrade: 'websocket', authorization: `Bearer ${org.sam}` } });
    expect(bare.status).toBe(401);
    // Without an upgrade: 426, the server offers push.
    expect((await call('/v1/push', { headers: auth(org.sam) })).status).toBe(426);

    // Sam signs out: his token opens nothing, and his open socket is closed for good.
    const open = await openSocket(org.sam);
    const closed = new Promise<number>((resolve) => open.ws.addEventListener('close', (e) => resolve(e.code)));
    expect((await call('/v1/me/session', { method: 'DELETE', headers: auth(org.sam) })).status).toBe(204);
    expect(await closed).toBe(4401);
    const refused = await upgrade(org.sam);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthenticated' } });

    // The other organisation's Sam, connected, hears nothing of this one's asks: the first thing is his own.
    const otherSam = await openSocket(other.sam);
    const priyaHere = await personId(org.priya, 'Priya Natarajan');
    await ask(org.maya, { kind: 'person', id: priyaHere }, 'Here only', 'push-ask-5');
    const samThere = await personId(other.priya, 'Sam Rivera');
    await ask(other.priya, { kind: 'person', id: samThere }, 'There', 'push-ask-6');
    expect(await otherSam.nextSeq()).toBe(await lastSeq(other.sam));
  });

  it('tells a department’s members of an ask to it, and a person moved to another department reconnects', async () => {
    const org = await demoOrg('push-departments');
    const { departments } = (await (await call('/v1/departments', { headers: auth(org.sam) })).json()) as {
      departments: { id: string; name: string }[];
    };
    const payroll = departments.find((d) => d.name === 'Payroll')?.id as string;
    const facilities = departments.find((d) => d.name === 'Facilities')?.id as string;
    const [priya, maya] = [await openSocket(org.priya), await openSocket(org.maya)];
    await ask(org.sam, { kind: 'department', id: payroll }, 'Overtime', 'push-ask-7');
    expect(await priya.nextSeq()).toBe(await lastSeq(org.sam));

    // Alex moves Priya to Facilities: her socket is closed to be opened again with her new department.
    const closed = new Promise<number>((resolve) => priya.ws.addEventListener('close', (e) => resolve(e.code)));
    const priyaId = await personId(org.sam, 'Priya Natarajan');
    const moved = await call(`/v1/people/${priyaId}`, {
      method: 'PATCH',
      headers: { ...auth(org.alex), 'content-type': 'application/json' },
      body: JSON.stringify({ departmentIds: [facilities] }),
    });
    expect(moved.status).toBe(200);
    expect(await closed).toBe(4001);
    const again = await openSocket(org.priya);
    await ask(org.sam, { kind: 'department', id: facilities }, 'Broken chair', 'push-ask-8');
    expect(await again.nextSeq()).toBe(await lastSeq(org.sam));
    // Maya, in neither department, heard neither ask: the first thing she hears is an ask to her.
    const mayaId = await personId(org.sam, 'Maya Okafor');
    await ask(org.sam, { kind: 'person', id: mayaId }, 'For Maya', 'push-ask-9');
    expect(await maya.nextSeq()).toBe(await lastSeq(org.sam));
  });

  it('tells a person in more departments than a socket has tags for (ten) of an ask to the last of them', async () => {
    const org = await demoOrg('push-wide');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await call(
        '/v1/departments',
        json({ name: `Team ${i}` }, { ...auth(org.alex), 'idempotency-key': `push-department-${i}` }),
      );
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const priyaId = await personId(org.sam, 'Priya Natarajan');
    const moved = await call(`/v1/people/${priyaId}`, {
      method: 'PATCH',
      headers: { ...auth(org.alex), 'content-type': 'application/json' },
      body: JSON.stringify({ departmentIds: ids }),
    });
    expect(moved.status).toBe(200);
    const [priya, maya] = [await openSocket(org.priya), await openSocket(org.maya)];
    await ask(org.sam, { kind: 'department', id: ids[9] }, 'For Team 9', 'push-ask-11');
    expect(await priya.nextSeq()).toBe(await lastSeq(org.sam));
    // Maya, in none of them, hears only what is hers.
    const mayaId = await personId(org.sam, 'Maya Okafor');
    await ask(org.sam, { kind: 'person', id: mayaId }, 'For Maya', 'push-ask-12');
    expect(await maya.nextSeq()).toBe(await lastSeq(org.sam));
  });

  it('lets one person hold five sockets: a sixth closes the oldest, which then polls', async () => {
    const org = await demoOrg('push-many');
    const sockets: Awaited<ReturnType<typeof openSocket>>[] = [];
    for (let i = 0; i < 5; i++) sockets.push(await openSocket(org.sam));
    const closed = new Promise<number>((resolve) => sockets[0].ws.addEventListener('close', (e) => resolve(e.code)));
    const sixth = await openSocket(org.sam);
    expect(await closed).toBe(4409);
    // The five open ones still hear what concerns Sam.
    const samId = await personId(org.priya, 'Sam Rivera');
    await ask(org.priya, { kind: 'person', id: samId }, 'For Sam', 'push-ask-10');
    const seq = await lastSeq(org.sam);
    for (const s of [...sockets.slice(1), sixth]) expect(await s.nextSeq()).toBe(seq);
  });

  it('answers ping with pong without waking the object; anything else wakes it', async () => {
    const org = await demoOrg('push-ping');
    const sam = await openSocket(org.sam);
    const messages = () => runInDurableObject(org.stub, (object) => object.socketMessages);
    for (let i = 0; i < 5; i++) {
      sam.ws.send('ping');
      expect(await sam.next()).toBe('pong');
    }
    expect(await messages()).toBe(0);
    sam.ws.send('where are we?');
    expect(await sam.nextSeq()).toBe(await lastSeq(org.sam));
    expect(await messages()).toBe(1);
  });
});
