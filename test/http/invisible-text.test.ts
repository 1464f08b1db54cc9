import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from '../support/node-app.ts';

/*
 * Text that must say something (a subject, a message, a name) is refused when nothing of it would
 * show: zero-width characters, unusual spaces, combining marks with nothing to sit on, bidi controls.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let priya: string;
let payrollId: string;
let itId: string;
let emmaId: string;
beforeAll(async () => {
  t = await testApp();
  priya = await t.tokenFor('Priya Natarajan');
  payrollId = (await t.find(t.demo.member, 'Payroll')).id;
  itId = (await t.find(t.demo.admin, 'IT')).id;
  emmaId = (await t.find(t.demo.admin, 'Emma Laurent')).id;
});

const blanks = {
  'zero-width characters': '\u200B\u200C\u200D\u2060\uFEFF',
  'unusual spaces': ' \u00A0\u3000\u2003\t\n',
  'combining marks alone': '\u0301\u0308\u20DD',
  'bidi controls': '\u202E\u202D\u2066\u2069\u200F',
  'a Hangul filler': '\u3164\u3164',
  'a mix': '\u00A0\u200B\u0301\u202E\uFEFF\u3000',
};

const key = () => ({ 'idempotency-key': `key-${crypto.randomUUID()}` });
const send = (token: string, method: string, path: string, body: unknown) =>
  t.request(path, {
    method,
    headers: { ...bearer(token), ...key(), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
/** The event log's last sequence number: unchanged means nothing was recorded. */
const lastSeq = async () =>
  ((await (await t.request('/v1/sync?after=0', { headers: bearer(t.demo.admin) })).json()) as { seq: number }).seq;

async function resolvedAsk() {
  const res = await send(t.demo.member, 'POST', '/v1/asks', {
    to: { kind: 'department', id: payrollId },
    subject: 'Overtime missing',
  });
  const { id } = (await res.json()) as { id: string };
  expect((await send(priya, 'POST', `/v1/asks/${id}/status`, { status: 'resolved' })).status).toBe(200);
  return id;
}

/** Every text field that must say something, as [caller, method, path, body with the blank, field named]. */
type Case = readonly [token: string, method: string, path: string, body: unknown, field: string];
async function cases(blank: string): Promise<Case[]> {
  const ask = await resolvedAsk();
  const open = (
    (await (
      await send(t.demo.member, 'POST', '/v1/asks', { to: { kind: 'department', id: payrollId }, subject: 'Open' })
    ).json()) as { id: string }
  ).id;
  const csv = (name: string, department: string) => `name,email,departments\n${name},x@import.example,${department}\n`;
  return [
    [t.demo.member, 'POST', '/v1/asks', { to: { kind: 'department', id: payrollId }, subject: blank }, 'subject'],
    [t.demo.member, 'POST', '/v1/thanks', { to: [{ kind: 'department', id: payrollId }], message: blank }, 'message'],
    [priya, 'POST', `/v1/asks/${open}/replies`, { body: blank }, 'body'],
    [priya, 'POST', `/v1/asks/${open}/status`, { status: 'declined', reason: blank }, 'reason'],
    [t.demo.member, 'POST', `/v1/asks/${ask}/rating`, { overall: 5, thanks: { message: blank } }, 'thanks.message'],
    [t.demo.admin, 'POST', '/v1/people', { name: blank, email: `${crypto.randomUUID()}@x.example` }, 'name'],
    [t.demo.admin, 'PATCH', `/v1/people/${emmaId}`, { name: blank }, 'name'],
    [t.demo.admin, 'POST', '/v1/departments', { name: blank }, 'name'],
    [t.demo.admin, 'POST', '/v1/departments', { name: 'Travel desk', offers: ['Bookings', blank] }, 'offers.1'],
    [t.demo.admin, 'PATCH', `/v1/departments/${itId}`, { offers: [blank] }, 'offers.0'],
    [t.demo.admin, 'POST', '/v1/people/import', { csv: csv(`"${blank}"`, 'IT') }, 'line 2.name'],
    // A departments cell of white space alone is an empty cell (no department), not a name.
    ...(blank.trim()
      ? [
          [
            t.demo.admin,
            'POST',
            '/v1/people/import',
            { csv: csv('Ines', `"${blank}"`) },
            'line 2.departments.0',
          ] as Case,
        ]
      : []),
  ];
}

describe('text that must say something', () => {
  for (const [what, blank] of Object.entries(blanks)) {
    it(`refuses ${what} in every such field, naming it, and records nothing`, async () => {
      const wrong: string[] = [];
      for (const [token, method, path, body, field] of await cases(blank)) {
        const before = await lastSeq();
        const res = await send(token, method, path, body);
        const answer = (await res.json()) as { error?: { code: string; fields?: Record<string, string> } };
        const named =
          res.status === 400 && answer.error?.code === 'validation_failed' && !!answer.error.fields?.[field];
        if (!named || (await lastSeq()) !== before) wrong.push(`${method} ${path} ${field}: ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('keeps text that shows: other scripts, emoji, a letter with its accent', async () => {
    for (const subject of [
      'שלום',
      'مرحبا',
      '請求書',
      '👍🏽',
      '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}',
      'e\u0301',
    ]) {
      const res = await send(t.demo.member, 'POST', '/v1/asks', { to: { kind: 'person', id: emmaId }, subject });
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ subject });
    }
  });

  it('trims invisible characters at the ends and drops bidi overrides, so what is stored is what shows', async () => {
    const res = await send(t.demo.member, 'POST', '/v1/asks', {
      to: { kind: 'person', id: emmaId },
      subject: '\u200B\u00A0Invoice \u202Egnp.exe\u202C\u3000\uFEFF',
      details: '\u200B\u200B',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ subject: 'Invoice gnp.exe', details: '' });
  });
});
