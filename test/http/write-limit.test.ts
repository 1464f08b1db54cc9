import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import { bearer, testApp } from '../support/node-app.ts';

/*
 * Every write route an authenticated person can call counts against the organisation's writes per
 * person per minute. Walked from the app's own route table: a new write route without an entry here
 * fails this test. Each is called with the cap spent (429, Retry-After, nothing recorded), then the
 * same request in the next minute succeeds, so the refusal was the cap's and nothing else's.
 */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** Bounded without the cap, and never refused by it: signing out must work even while someone spends it. */
const exempt = new Set([
  'DELETE /v1/me/session',
  'DELETE /v1/me/tokens/:id',
  'POST /v1/me/sign-out-everywhere',
  // Anonymous: a counter row would name the person and the minute they answered. The one-way marker bounds
  // them instead: one answer and two skips per card and person (pulses.test.ts).
  'POST /v1/pulses/:id/responses',
  'POST /v1/pulses/:id/skip',
]);
/** Public: throttled by wrong codes (sign-in-throttle.test.ts, company-sign-in.test.ts) or guarded by the deployment's secret. */
const publicRoutes = new Set([
  'POST /v1/session',
  'POST /v1/session/exchange',
  'POST /v1/setup/demo',
  'POST /v1/setup/organisations',
]);

let clock = Date.now();
let t: Awaited<ReturnType<typeof testApp>>;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const valueIds: string[] = [];

const json = (token: string, method: string, body: unknown, key?: string): RequestInit => ({
  method,
  headers: { ...bearer(token), 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  body: JSON.stringify(body),
});

async function newAsk(subject: string, url?: string): Promise<string> {
  const body = { to: { kind: 'department', id: ids.payroll }, subject, ...(url ? { context: { url } } : {}) };
  const res = await t.request('/v1/asks', json(tokens.member, 'POST', body, `setup-${subject.replace(/ /g, '-')}`));
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  t = await testApp(undefined, { now: () => new Date(clock) });
  tokens.member = t.demo.member;
  tokens.manager = t.demo.manager;
  tokens.admin = t.demo.admin;
  tokens.payroll = await t.tokenFor('Priya Natarajan');
  tokens.grace = await t.tokenFor('Grace Kim');
  ids.payroll = (await t.find(t.demo.member, 'Payroll')).id;
  ids.facilities = (await t.find(t.demo.member, 'Facilities')).id;
  ids.priya = (await t.find(t.demo.member, 'Priya Natarajan')).id;
  ids.tom = (await t.find(t.demo.member, 'Tom Becker')).id;
  ids.follow = await newAsk('Follow me', 'https://payroll.example/follow');
  ids.status = await newAsk('Acknowledge me');
  ids.reply = await newAsk('Reply to me');
  ids.assign = await newAsk('Assign me');
  ids.forward = await newAsk('Forward me');
  ids.rate = await newAsk('Rate me');
  // Declined by Priya: she may say what got in the way.
  ids.cause = await newAsk('Decline me');
  const declined = await t.request(
    `/v1/asks/${ids.cause}/status`,
    json(tokens.payroll, 'POST', { status: 'declined', reason: 'Not ours' }),
  );
  expect(declined.status, await declined.clone().text()).toBe(200);
  const values = await t.request('/v1/values', { headers: bearer(tokens.member) });
  valueIds.push(...((await values.json()) as { values: { id: string }[] }).values.map((v) => v.id));
  for (const name of ['pulse-kept', 'pulse-closing', 'pulse-closed']) {
    const body = {
      departmentIds: [ids.payroll],
      closesAt: new Date(clock + 7 * 86_400_000).toISOString(),
      repeat: 'quarterly',
    };
    const res = await t.request('/v1/pulses', json(tokens.manager, 'POST', body, `setup-${name}`));
    expect(res.status, await res.clone().text()).toBe(201);
    ids[name] = ((await res.json()) as { id: string }).id;
  }
  await t.request(`/v1/pulses/${ids['pulse-closed']}/close`, json(tokens.manager, 'POST', undefined));
  const resolved = await t.request(`/v1/asks/${ids.rate}/status`, json(tokens.payroll, 'POST', { status: 'resolved' }));
  expect(resolved.status).toBe(200);
  clock += 60_000;
  const hook = { target: 'slack', url: 'https://hooks.example/a', events: ['digest'] };
  for (const name of ['kept', 'removed']) {
    const res = await t.request('/v1/webhooks', json(tokens.admin, 'POST', { ...hook, name }, `setup-hook-${name}`));
    ids[`hook-${name}`] = ((await res.json()) as { id: string }).id;
  }
  const ping = await t.request(`/v1/webhooks/${ids['hook-kept']}/test`, json(tokens.admin, 'POST', undefined));
  ids.delivery = ((await ping.json()) as { id: string }).id;
  clock += 60_000;
  const capped = await t.request('/v1/settings', json(tokens.admin, 'PATCH', { limits: { writesPerMinute: 2 } }));
  expect(capped.status).toBe(200);
});

type Call = { as: string; path: string; method?: string; body: unknown; key?: string };
const calls: Record<string, () => Call> = {
  'PATCH /v1/me': () => ({ as: 'member', path: '/v1/me', body: { boardOptOut: true } }),
  'POST /v1/departments': () => ({
    as: 'admin',
    path: '/v1/departments',
    body: { name: 'Security' },
    key: 'dep-key-1',
  }),
  'PATCH /v1/departments/:id': () => ({
    as: 'admin',
    path: `/v1/departments/${ids.payroll}`,
    body: { offers: ['Pay'] },
  }),
  'POST /v1/people': () => ({
    as: 'admin',
    path: '/v1/people',
    body: { name: 'Zoe New', email: 'zoe.new@example.test' },
    key: 'person-key-1',
  }),
  'POST /v1/people/import': () => ({
    as: 'admin',
    path: '/v1/people/import',
    body: { csv: 'name,email\nYara Import,yara@example.test\n' },
  }),
  'PATCH /v1/people/:id': () => ({ as: 'admin', path: `/v1/people/${ids.tom}`, body: { title: 'Payroll lead' } }),
  'POST /v1/invitations': () => ({ as: 'admin', path: '/v1/invitations', body: { personId: ids.tom } }),
  'POST /v1/asks': () => ({
    as: 'member',
    path: '/v1/asks',
    body: { to: { kind: 'department', id: ids.payroll }, subject: 'A new ask' },
    key: 'ask-key-1',
  }),
  'POST /v1/asks/:id/follow': () => ({
    as: 'manager',
    path: `/v1/asks/${ids.follow}/follow`,
    body: { url: 'https://payroll.example/follow' },
  }),
  'POST /v1/asks/:id/status': () => ({
    as: 'payroll',
    path: `/v1/asks/${ids.status}/status`,
    body: { status: 'acknowledged' },
  }),
  'POST /v1/asks/:id/replies': () => ({
    as: 'member',
    path: `/v1/asks/${ids.reply}/replies`,
    body: { body: 'Any news?' },
    key: 'reply-key-1',
  }),
  'POST /v1/asks/:id/assign': () => ({
    as: 'payroll',
    path: `/v1/asks/${ids.assign}/assign`,
    body: { assigneeId: ids.priya },
  }),
  'POST /v1/asks/:id/forward': () => ({
    as: 'payroll',
    path: `/v1/asks/${ids.forward}/forward`,
    body: { departmentId: ids.facilities },
  }),
  'POST /v1/asks/:id/cause': () => ({
    as: 'payroll',
    path: `/v1/asks/${ids.cause}/cause`,
    body: { cause: 'tools_or_access' },
  }),
  'POST /v1/asks/:id/rating': () => ({
    as: 'member',
    path: `/v1/asks/${ids.rate}/rating`,
    body: { overall: 5 },
    key: 'rate-key-1',
  }),
  'POST /v1/screenshots': () => ({ as: 'member', path: '/v1/screenshots', body: { image: PNG } }),
  'POST /v1/thanks': () => ({
    as: 'member',
    path: '/v1/thanks',
    body: { to: [{ kind: 'person', id: ids.priya }], message: 'Thank you' },
    key: 'thank-key-1',
  }),
  // The order first: it lists every value in use, before the addition below adds one.
  'PUT /v1/values/order': () => ({ as: 'admin', path: '/v1/values/order', body: { ids: [...valueIds].reverse() } }),
  'PATCH /v1/values/:id': () => ({ as: 'admin', path: `/v1/values/${valueIds[0]}`, body: { name: 'Customers first' } }),
  'POST /v1/values': () => ({ as: 'admin', path: '/v1/values', body: { name: 'Curiosity' }, key: 'value-key-1' }),
  'POST /v1/webhooks': () => ({
    as: 'admin',
    path: '/v1/webhooks',
    body: { name: 'Desk', target: 'teams', url: 'https://hooks.example/b', events: ['ask.new'] },
    key: 'webhook-key-1',
  }),
  'PATCH /v1/webhooks/:id': () => ({ as: 'admin', path: `/v1/webhooks/${ids['hook-kept']}`, body: { name: 'Wall' } }),
  'DELETE /v1/webhooks/:id': () => ({ as: 'admin', path: `/v1/webhooks/${ids['hook-removed']}`, body: undefined }),
  'POST /v1/webhooks/:id/test': () => ({ as: 'admin', path: `/v1/webhooks/${ids['hook-kept']}/test`, body: undefined }),
  'POST /v1/webhooks/:id/deliveries/:deliveryId/resend': () => ({
    as: 'admin',
    path: `/v1/webhooks/${ids['hook-kept']}/deliveries/${ids.delivery}/resend`,
    body: undefined,
  }),
  'PUT /v1/me/digest': () => ({ as: 'manager', path: '/v1/me/digest', body: { webhookId: ids['hook-kept'] } }),
  'PUT /v1/me/notifications/preferences': () => ({
    as: 'member',
    path: '/v1/me/notifications/preferences',
    body: {
      kinds: { newAsk: true, reply: true, resolved: true, thanks: false, atRisk: true },
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Berlin',
    },
  }),
  'POST /v1/pulses': () => ({
    as: 'manager',
    path: '/v1/pulses',
    body: { departmentIds: [ids.payroll], closesAt: new Date(clock + 7 * 86_400_000).toISOString() },
    key: 'pulse-key-1',
  }),
  'PATCH /v1/pulses/:id': () => ({ as: 'manager', path: `/v1/pulses/${ids['pulse-kept']}`, body: { repeat: 'none' } }),
  'POST /v1/pulses/:id/close': () => ({
    as: 'manager',
    path: `/v1/pulses/${ids['pulse-closing']}/close`,
    body: undefined,
  }),
  'PUT /v1/pulses/:id/departments/:departmentId/actions': () => ({
    as: 'admin',
    path: `/v1/pulses/${ids['pulse-closed']}/departments/${ids.payroll}/actions`,
    body: { actions: [{ text: 'Payslips explained in plain words', ownerId: ids.tom, due: '2030-01-31' }] },
  }),
  'PATCH /v1/settings': () => ({
    as: 'admin',
    path: '/v1/settings',
    body: { limits: { thanksPerRecipientPerDay: 6 } },
  }),
};

const writeRoutes = () =>
  t.app.routes
    .filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => `${r.method} ${r.path}`)
    .filter((r, i, all) => all.indexOf(r) === i && !publicRoutes.has(r));

const lastSeq = async () =>
  ((await (await t.request('/v1/sync?after=0', { headers: bearer(tokens.admin) })).json()) as { seq: number }).seq;

async function principal(token: string): Promise<Principal> {
  const me = (await (await t.request('/v1/me', { headers: bearer(token) })).json()) as {
    person: { id: string; role: Principal['role'] };
  };
  return { orgId: 'demo', personId: me.person.id, role: me.person.role };
}

describe('the writes-per-minute cap', () => {
  it('has a request for every write route of the app, or a reason it is exempt', () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !(r in calls) && !exempt.has(r))).toEqual([]);
  });

  it.each(Object.keys(calls))('refuses %s once spent, with Retry-After, recording nothing', async (route) => {
    const call = calls[route]();
    const method = call.method ?? route.split(' ')[0];
    clock += 60_000; // a fresh minute
    const ledger = await t.ledgers.open('demo');
    const who = await principal(tokens[call.as]);
    await ledger?.countWrite(who);
    await ledger?.countWrite(who);
    const before = await lastSeq();
    const refused = await t.request(call.path, json(tokens[call.as], method, call.body, call.key));
    expect(refused.status, await refused.clone().text()).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await lastSeq()).toBe(before);
    if (route === 'POST /v1/screenshots') {
      expect(await t.screenshots.has('demo', who.personId, await pngId())).toBe(false);
    }
    clock += 60_000;
    const accepted = await t.request(call.path, json(tokens[call.as], method, call.body, call.key));
    expect(accepted.status, await accepted.clone().text()).toBeLessThan(300);
  });

  it('leaves signing out to be refused by nothing: each is bounded by the tokens that exist', async () => {
    clock += 60_000;
    // Signed in before the clock ran far ahead (a sign-in code lasts an hour of real time).
    const token = tokens.grace;
    const ledger = await t.ledgers.open('demo');
    // The cap allows two writes a minute: both spent.
    await ledger?.countWrite(await principal(token));
    await ledger?.countWrite(await principal(token));
    const out = await t.request('/v1/me/sign-out-everywhere', { method: 'POST', headers: bearer(token) });
    expect(out.status).toBe(200);
    // Its token is gone: it cannot be called again to write more.
    expect((await t.request('/v1/me/sign-out-everywhere', { method: 'POST', headers: bearer(token) })).status).toBe(
      401,
    );
  });
});

async function pngId(): Promise<string> {
  const bytes = Uint8Array.from(atob(PNG.slice(PNG.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
