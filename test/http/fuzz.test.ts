import fc from 'fast-check';
import { expect, it } from 'vitest';
import { bearer, testApp } from '../support/node-app.ts';

/*
 * 10,000 malformed, oversized, unicode and wrongly typed bodies and headers against every write route:
 * never a 5xx, the server stays healthy, and nothing is written (the event log does not move).
 */
const writeRoutes = [
  ['POST', '/v1/thanks'],
  ['POST', '/v1/screenshots'],
  ['POST', '/v1/asks'],
  ['POST', '/v1/asks/{id}/status'],
  ['POST', '/v1/asks/{id}/replies'],
  ['POST', '/v1/asks/{id}/assign'],
  ['POST', '/v1/asks/{id}/forward'],
  ['POST', '/v1/asks/{id}/rating'],
  ['POST', '/v1/asks/{id}/follow'],
  ['PATCH', '/v1/departments/{id}'],
  ['DELETE', '/v1/me/tokens/{id}'],
  ['POST', '/v1/people'],
  ['PATCH', '/v1/people/{id}'],
  ['POST', '/v1/people/import'],
  ['POST', '/v1/invitations'],
  ['POST', '/v1/departments'],
  ['POST', '/v1/session'],
  ['POST', '/v1/values'],
  ['PATCH', '/v1/values/{id}'],
  ['PUT', '/v1/values/order'],
  ['POST', '/v1/session/exchange'],
] as const;

// Values of every JSON type, and the shapes the routes expect with the wrong types inside.
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const wrongShapes = fc.record(
  {
    to: fc.oneof(jsonValue, fc.array(fc.record({ kind: jsonValue, id: jsonValue }))),
    message: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 50 }), jsonValue, fc.constant('x'.repeat(70_000))),
    subject: jsonValue,
    status: fc.oneof(fc.constantFrom('open', 'resolved', 'declined', 'bogus'), jsonValue),
    overall: fc.oneof(fc.integer(), fc.double(), jsonValue),
    body: fc.oneof(fc.string({ unit: 'grapheme' }), jsonValue),
    code: fc.oneof(fc.string(), fc.constant('demo.AAAA-AAAA'), fc.constant(`demo.${'A'.repeat(43)}`), jsonValue),
    code_verifier: fc.oneof(fc.string({ maxLength: 130 }), fc.constant('v'.repeat(43)), jsonValue),
    redirect_uri: fc.oneof(fc.constant('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/'), jsonValue),
    departmentId: jsonValue,
    assigneeId: jsonValue,
    url: jsonValue,
    hours: jsonValue,
    thanks: jsonValue,
    csv: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constant('name,email\n,not-an-email'), jsonValue),
    email: jsonValue,
    personId: jsonValue,
    active: jsonValue,
    visibility: jsonValue,
    image: fc.oneof(
      jsonValue,
      fc.string({ maxLength: 200 }).map((s) => `data:image/png;base64,${s}`),
      fc.base64String({ maxLength: 400 }).map((s) => `data:image/jpeg;base64,${s}`),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  wrongShapes.map((v) => JSON.stringify(v)),
  fc.string({ unit: 'grapheme', maxLength: 200 }), // not JSON at all
  fc.constant('{"to":'),
  fc.constant(''),
);
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 120,
});
const headers = fc.record(
  {
    'idempotency-key': fc.oneof(headerText, fc.constant('valid-key-123')),
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ),
    authorization: fc.oneof(fc.constant('member'), fc.constant('admin'), headerText),
  },
  { requiredKeys: ['content-type'] },
);
const pathId = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.constant('a_0000'),
  fc.constant('../../etc'),
);

it('survives 10,000 malformed requests to every write route without a 5xx or a write', async () => {
  const t = await testApp();
  // The sync cursor is the event log's last sequence number: equal means nothing was written.
  const eventsBefore = await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json();
  let count = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...writeRoutes), body, headers, pathId, async ([method, template], raw, h, id) => {
      count++;
      const auth =
        h.authorization === 'member'
          ? bearer(t.demo.member).authorization
          : h.authorization === 'admin'
            ? bearer(t.demo.admin).authorization
            : h.authorization;
      const path = template.replace('{id}', encodeURIComponent(id) || 'x');
      const res = await t.request(path, {
        method,
        headers: { ...h, ...(auth === undefined ? {} : { authorization: auth }) },
        body: raw,
      });
      const text = await res.text();
      expect(res.status, `${method} ${path} → ${text}`).toBeLessThan(500);
      if (res.status >= 400)
        expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }),
    { numRuns: 10_000 },
  );
  expect(count).toBe(10_000);
  expect((await t.request('/health')).status).toBe(200);
  expect(await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()).toEqual(eventsBefore);
}, 300_000);
