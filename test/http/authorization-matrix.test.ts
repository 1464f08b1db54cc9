import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from '../support/node-app.ts';

/*
 * Every route, every kind of caller: no token, another organisation, an outsider of the same
 * organisation, the requester (member), the serving department, a manager, an admin. A refusal never
 * carries the object: no response to a refused caller contains the private strings.
 */
const SECRET = 'SECRET-7f3a';
/** A 1×1 PNG, as captureVisibleTab would hand it over. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

type Caller = 'none' | 'otherOrg' | 'outsider' | 'member' | 'payroll' | 'manager' | 'admin';
type Expect = Partial<Record<Caller, number>>;

let t: Awaited<Awaited<ReturnType<typeof testApp>>>;
const tokens = {} as Record<Exclude<Caller, 'none'>, string>;
let askId = '';
let payrollId = '';
let facilitiesId = '';
let payrollPersonId = '';
let valueIds: string[] = [];
let webhookId = '';
let deliveryId = '';
let pulseId = '';
let closedPulseId = '';
/** The event sequence before the private ask and thank-you: notifications since then include them. */
let since = 0;

beforeAll(async () => {
  t = await testApp();
  tokens.otherOrg = t.other.admin;
  tokens.outsider = await t.tokenFor('Carlos Mendes');
  tokens.member = t.demo.member;
  tokens.payroll = await t.tokenFor('Priya Natarajan');
  tokens.manager = t.demo.manager;
  tokens.admin = t.demo.admin;
  payrollId = (await t.find(t.demo.member, 'Payroll')).id;
  facilitiesId = (await t.find(t.demo.member, 'Facilities')).id;
  payrollPersonId = (await t.find(t.demo.member, 'Tom Becker')).id;
  const values = await t.request('/v1/values', { headers: bearer(tokens.member) });
  valueIds = ((await values.json()) as { values: { id: string }[] }).values.map((v) => v.id);
  since = ((await (await t.request('/v1/sync', { headers: bearer(tokens.member) })).json()) as { seq: number }).seq;
  const shot = await t.request('/v1/screenshots', {
    method: 'POST',
    headers: { ...bearer(tokens.member), 'content-type': 'application/json' },
    body: JSON.stringify({ image: PNG }),
  });
  const screenshot = ((await shot.json()) as { id: string }).id;
  const res = await t.request('/v1/asks', {
    method: 'POST',
    headers: { ...bearer(tokens.member), 'content-type': 'application/json', 'idempotency-key': 'matrix-ask-1' },
    body: JSON.stringify({
      to: { kind: 'department', id: payrollId },
      subject: `Bonus question ${SECRET}`,
      context: { url: 'https://payroll.example/secret', screenshot },
    }),
  });
  askId = ((await res.json()) as { id: string }).id;
  const priya = await t.find(t.demo.member, 'Priya Natarajan');
  await t.request('/v1/thanks', {
    method: 'POST',
    headers: { ...bearer(tokens.member), 'content-type': 'application/json', 'idempotency-key': 'matrix-thank-1' },
    body: JSON.stringify({
      to: [{ kind: 'person', id: priya.id }],
      message: `Private ${SECRET}`,
      visibility: 'private',
    }),
  });
  const hook = await t.request('/v1/webhooks', {
    method: 'POST',
    headers: { ...bearer(tokens.admin), 'content-type': 'application/json', 'idempotency-key': 'matrix-webhook-1' },
    body: JSON.stringify({
      name: 'Recognition',
      target: 'slack',
      url: 'https://hooks.example/x',
      events: ['thank.public', 'digest'],
    }),
  });
  webhookId = ((await hook.json()) as { id: string }).id;
  const ping = await t.request(`/v1/webhooks/${webhookId}/test`, { method: 'POST', headers: bearer(tokens.admin) });
  deliveryId = ((await ping.json()) as { id: string }).id;
  // Pulses about Payroll: one open, one closed (results and changes).
  for (const key of ['matrix-pulse-open', 'matrix-pulse-closed']) {
    const pulse = await t.request('/v1/pulses', {
      method: 'POST',
      headers: { ...bearer(tokens.manager), 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({
        departmentIds: [payrollId],
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    });
    const id = ((await pulse.json()) as { id: string }).id;
    if (key.endsWith('open')) pulseId = id;
    else closedPulseId = id;
  }
  await t.request(`/v1/pulses/${closedPulseId}/close`, { method: 'POST', headers: bearer(tokens.manager) });
});

// 2xx = allowed; otherwise the exact refusal. Reads of the ask: only its parties.
const ask = (path: string) => `/v1/asks/{ask}${path}`;
const routes: [string, string, unknown, Expect][] = [
  ['GET', '/v1/me', undefined, { otherOrg: 200, outsider: 200 }],
  ['GET', '/v1/directory?q=p', undefined, { otherOrg: 200, outsider: 200 }],
  ['GET', '/v1/departments', undefined, { otherOrg: 200, outsider: 200 }],
  [
    'PATCH',
    '/v1/departments/{payroll}',
    { offers: ['Payslips'] },
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  ['GET', '/v1/inbox', undefined, { otherOrg: 200, outsider: 200 }],
  ['GET', '/v1/queue', undefined, { otherOrg: 200, outsider: 200 }],
  ['GET', '/v1/sync?after=0', undefined, { otherOrg: 200, outsider: 200 }],
  // Each caller is told only their own: the private thank-you and the ask reach Payroll's Priya, nobody else here.
  ['GET', '/v1/notifications?after={since}', undefined, { otherOrg: 200, outsider: 200, member: 200, payroll: 200 }],
  ['GET', '/v1/me/notifications/preferences', undefined, { otherOrg: 200, outsider: 200 }],
  [
    'PUT',
    '/v1/me/notifications/preferences',
    {
      kinds: { newAsk: true, reply: true, resolved: true, thanks: true, atRisk: false },
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Berlin',
    },
    { otherOrg: 200, outsider: 200, member: 200, payroll: 200, manager: 200, admin: 200 },
  ],
  ['GET', ask(''), undefined, { otherOrg: 404, outsider: 404, member: 200, payroll: 200, manager: 404, admin: 404 }],
  [
    'GET',
    ask('/screenshot'),
    undefined,
    { otherOrg: 404, outsider: 404, member: 200, payroll: 200, manager: 404, admin: 404 },
  ],
  [
    'POST',
    '/v1/screenshots',
    { image: PNG },
    { otherOrg: 201, outsider: 201, member: 201, payroll: 201, manager: 201, admin: 201 },
  ],
  [
    'GET',
    '/v1/asks/similar?departmentId={payroll}&url=https://payroll.example/secret',
    undefined,
    { otherOrg: 200, outsider: 200 },
  ],
  [
    'POST',
    ask('/replies'),
    { body: 'hello' },
    { otherOrg: 404, outsider: 404, member: 201, payroll: 201, manager: 404, admin: 404 },
  ],
  [
    'GET',
    ask('/assignees?q=tom'),
    undefined,
    { otherOrg: 404, outsider: 404, member: 403, payroll: 200, manager: 404, admin: 404 },
  ],
  [
    'POST',
    ask('/assign'),
    { assigneeId: null },
    { otherOrg: 404, outsider: 404, member: 403, payroll: 200, manager: 404, admin: 404 },
  ],
  [
    'POST',
    ask('/status'),
    { status: 'acknowledged' },
    { otherOrg: 404, outsider: 404, member: 403, manager: 404, admin: 404 },
  ],
  ['POST', ask('/rating'), { overall: 5 }, { otherOrg: 404, outsider: 404, payroll: 403, manager: 404, admin: 404 }],
  // A cause follows the caller's own step (none here yet): its parties are told so (409), nobody else sees it.
  [
    'POST',
    ask('/cause'),
    { cause: 'capacity' },
    { otherOrg: 404, outsider: 404, member: 409, payroll: 409, manager: 404, admin: 404 },
  ],
  [
    'GET',
    '/v1/leaderboard',
    undefined,
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
  ],
  ...['/v1/insights/service', '/v1/insights/handoffs', '/v1/insights/unsung', '/v1/insights/trends', '/v1/digest'].map(
    (path): [string, string, unknown, Expect] => [
      'GET',
      path,
      undefined,
      { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
    ],
  ),
  ['PATCH', '/v1/me', { boardOptOut: false }, { otherOrg: 200, outsider: 200 }],
  [
    'GET',
    '/v1/events',
    undefined,
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  ['GET', '/v1/me/tokens', undefined, { otherOrg: 200, outsider: 200 }],
  ['GET', '/v1/settings', undefined, { otherOrg: 200, outsider: 200 }],
  [
    'GET',
    '/v1/people?includeInactive=true',
    undefined,
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  [
    'POST',
    '/v1/people/import',
    { csv: 'name,email\n' },
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  [
    'POST',
    '/v1/invitations',
    { personId: '{payrollPerson}' },
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 201 },
  ],
  [
    'PATCH',
    '/v1/settings',
    { limits: { writesPerMinute: 60 } },
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  // Values: the order first (it lists every active value), then a rename, then an addition.
  [
    'PUT',
    '/v1/values/order',
    { ids: ['{value3}', '{value2}', '{value1}', '{value0}'] },
    { otherOrg: 400, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  [
    'PATCH',
    '/v1/values/{value0}',
    { name: 'Customers first' },
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  [
    'POST',
    '/v1/values',
    { name: 'Curiosity' },
    { otherOrg: 201, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 201 },
  ],
  ['GET', '/v1/values', undefined, { otherOrg: 200, outsider: 200 }],
  [
    'GET',
    '/v1/values?all=1',
    undefined,
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
  ],
  // Webhooks: admins only; another organisation's are not found.
  ...(
    [
      ['GET', '/v1/webhooks', undefined, 200],
      [
        'POST',
        '/v1/webhooks',
        { name: 'Desk', target: 'teams', url: 'https://hooks.example/y', events: ['ask.new'] },
        201,
      ],
      ['PATCH', '/v1/webhooks/{webhook}', { name: 'Recognition wall' }, 404],
      ['GET', '/v1/webhooks/{webhook}/deliveries', undefined, 404],
      ['POST', '/v1/webhooks/{webhook}/deliveries/{delivery}/resend', undefined, 404],
      ['POST', '/v1/webhooks/{webhook}/test', undefined, 404],
    ] as const
  ).map(([method, path, body, otherOrg]): [string, string, unknown, Expect] => [
    method,
    path,
    body,
    {
      otherOrg,
      outsider: 403,
      member: 403,
      payroll: 403,
      manager: 403,
      admin: method === 'GET' ? 200 : otherOrg === 201 ? 201 : method === 'PATCH' ? 200 : 202,
    },
  ]),
  [
    'GET',
    '/v1/me/digest',
    undefined,
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
  ],
  [
    'PUT',
    '/v1/me/digest',
    { webhookId: null },
    { otherOrg: 200, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
  ],
  // Pulses: managers and admins open, change and close them; results go to Payroll's people and managers; Payroll's
  // manager (not in this matrix) or an admin records changes; anyone asked answers (Payroll's own are not asked).
  ['GET', '/v1/pulses', undefined, { otherOrg: 200, outsider: 200 }],
  ['GET', '/v1/pulses/mine', undefined, { otherOrg: 200, outsider: 200 }],
  [
    'POST',
    '/v1/pulses',
    { departmentIds: ['{payroll}'], closesAt: '2099-01-01T00:00:00Z' },
    { otherOrg: 400, outsider: 403, member: 403, payroll: 403, manager: 201, admin: 201 },
  ],
  [
    'PATCH',
    '/v1/pulses/{pulse}',
    { repeat: 'none' },
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
  ],
  [
    'GET',
    '/v1/pulses/{closedPulse}/results',
    undefined,
    { otherOrg: 404, outsider: 403, member: 403, payroll: 200, manager: 200, admin: 200 },
  ],
  [
    'PUT',
    '/v1/pulses/{closedPulse}/departments/{payroll}/actions',
    { actions: [] },
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 200 },
  ],
  [
    'POST',
    '/v1/pulses/{pulse}/skip',
    { departmentId: '{payroll}' },
    { otherOrg: 404, outsider: 200, member: 200, payroll: 403, manager: 200, admin: 200 },
  ],
  [
    'POST',
    '/v1/pulses/{pulse}/responses',
    {
      departmentId: '{payroll}',
      ratings: Object.fromEntries(
        ['communication', 'productivity', 'responsiveness', 'quality'].map((d) => [
          d,
          { expectation: 5, perception: 4 },
        ]),
      ),
    },
    { otherOrg: 404, outsider: 201, member: 201, payroll: 403, manager: 201, admin: 201 },
  ],
  [
    'POST',
    '/v1/pulses/{pulse}/close',
    undefined,
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 200, admin: 200 },
  ],
  // Last: forwarding moves the ask to Facilities, where none of the callers works.
  [
    'POST',
    ask('/forward'),
    { departmentId: '{facilities}' },
    { otherOrg: 404, outsider: 404, member: 403, payroll: 200, manager: 404, admin: 404 },
  ],
  [
    'DELETE',
    '/v1/webhooks/{webhook}',
    undefined,
    { otherOrg: 404, outsider: 403, member: 403, payroll: 403, manager: 403, admin: 204 },
  ],
];

const fill = (s: string) =>
  s
    .replace('{ask}', askId)
    .replace('{payroll}', payrollId)
    .replace('{facilities}', facilitiesId)
    .replace('{payrollPerson}', payrollPersonId)
    .replace('{webhook}', webhookId)
    .replace('{delivery}', deliveryId)
    .replace('{closedPulse}', closedPulseId)
    .replace('{pulse}', pulseId)
    .replace('{since}', String(since))
    .replace(/\{value(\d)\}/g, (_, i: string) => valueIds[Number(i)]);

describe('authorization matrix', () => {
  it.each(routes)('%s %s', async (method, rawPath, body, expected) => {
    const path = fill(rawPath);
    for (const caller of ['none', 'otherOrg', 'outsider', 'member', 'payroll', 'manager', 'admin'] as Caller[]) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        // One key per caller and route (path lengths alone collide: /v1/values and /v1/pulses).
        'idempotency-key': `matrix-${caller}-${method}-${rawPath.replace(/[^A-Za-z0-9]+/g, '.')}`.slice(0, 100),
        ...(caller === 'none' ? {} : bearer(tokens[caller])),
      };
      const res = await t.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : fill(JSON.stringify(body)),
      });
      const text = await res.text();
      const want = caller === 'none' ? 401 : expected[caller];
      if (want === undefined) {
        // Not listed: whatever the lifecycle says, but never a refusal of access.
        expect([200, 201, 409], `${caller} ${method} ${rawPath}: ${text}`).toContain(res.status);
      } else {
        expect(res.status, `${caller} ${method} ${rawPath}: ${text}`).toBe(want);
      }
      if (res.status >= 400) expect(text, `${caller} ${method} ${rawPath}`).not.toContain(SECRET);
      // Only its parties ever see the ask; only its recipient (and sender) the private thank-you.
      if (['otherOrg', 'outsider', 'manager', 'admin'].includes(caller) && path !== '/v1/events') {
        expect(text, `${caller} ${method} ${rawPath}`).not.toContain(SECRET);
      }
    }
  });
});

describe('push, which Node does not offer', () => {
  it('answers GET /v1/push 404 (JSON) to every caller, with or without an upgrade: the extension polls', async () => {
    for (const caller of ['none', 'otherOrg', 'member', 'admin'] as Caller[]) {
      for (const upgrade of [{}, { upgrade: 'websocket', 'sec-websocket-protocol': 'tandem.v1, x' }] as Record<
        string,
        string
      >[]) {
        const res = await t.request('/v1/push', {
          headers: { ...upgrade, ...(caller === 'none' ? {} : bearer(tokens[caller])) },
        });
        expect(res.status, caller).toBe(404);
        expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
      }
    }
  });
});
