import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, post, testApp } from '../support/node-app.ts';

/*
 * The page an ask is about is kept as scheme, host, port and path: credentials, query strings and
 * fragments carry sessions and tokens, and the server cleans them whatever client sent the ask.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let priya: string;
let payrollId: string;
beforeAll(async () => {
  t = await testApp();
  priya = await t.tokenFor('Priya Natarajan');
  payrollId = (await t.find(t.demo.member, 'Payroll')).id;
});

const key = () => ({ 'idempotency-key': `key-${crypto.randomUUID()}` });
const get = async (token: string, path: string) => {
  const res = await t.request(path, { headers: bearer(token) });
  expect(res.status, path).toBe(200);
  return res.text();
};
const secrets = ['user', 'pw@', 'secret', 'frag', '?', '#'];

describe('the page an ask is about', () => {
  it('is stored without credentials, query or fragment, and read back so everywhere', async () => {
    const sent = 'https://user:pw@payroll.example:8443/payslips/2026-11?q=secret&session=secret#frag';
    const created = await t.request(
      '/v1/asks',
      post(
        {
          to: { kind: 'department', id: payrollId },
          subject: 'Payslip wrong',
          context: { url: sent, title: 'Payslip' },
        },
        { ...bearer(t.demo.member), ...key() },
      ),
    );
    expect(created.status).toBe(201);
    const ask = (await created.json()) as { id: string; context: { url: string } };
    expect(ask.context.url).toBe('https://payroll.example:8443/payslips/2026-11');
    const readBack = {
      'ask detail (requester)': await get(t.demo.member, `/v1/asks/${ask.id}`),
      'ask detail (department)': await get(priya, `/v1/asks/${ask.id}`),
      'inbox (requester)': await get(t.demo.member, '/v1/inbox'),
      'inbox (department)': await get(priya, '/v1/inbox'),
      queue: await get(priya, '/v1/queue'),
      'event export': await get(t.demo.admin, '/v1/events?limit=500'),
    };
    for (const [where, text] of Object.entries(readBack)) {
      const urls = text.match(/https?:\/\/[^"\s]*payroll\.example[^"\s]*/g) ?? [];
      for (const url of urls) for (const s of secrets) expect(url, `${where}: ${url}`).not.toContain(s);
      expect(text, where).not.toContain('secret');
      expect(text, where).not.toContain('user:pw');
    }
  });

  it('is read back cleaned even from an ask stored before the server cleaned it', async () => {
    const me = JSON.parse(await get(t.demo.member, '/v1/me')) as { person: { id: string } };
    const ledger = await t.ledgers.open('demo');
    if (!ledger) throw new Error('no demo ledger');
    const stored = await ledger.createAsk(
      { orgId: 'demo', personId: me.person.id, role: 'member' },
      {
        to: { kind: 'department', id: payrollId },
        subject: 'Stored raw',
        details: '',
        context: { url: 'https://user:pw@payroll.example/old?q=secret#frag', title: '', selection: '' },
        importance: 'normal',
        allowDuplicate: true,
      },
      `key-${crypto.randomUUID()}`,
    );
    const id = (stored.result as { id: string }).id;
    const detail = JSON.parse(await get(priya, `/v1/asks/${id}`)) as { ask: { context: { url: string } } };
    expect(detail.ask.context.url).toBe('https://payroll.example/old');
    expect(await get(t.demo.member, '/v1/inbox')).not.toContain('secret');
  });

  it('is matched cleaned: the same page with another session finds the open ask and may follow it', async () => {
    const page = 'https://payroll.example/timesheets/7';
    const created = await t.request(
      '/v1/asks',
      post(
        { to: { kind: 'department', id: payrollId }, subject: 'Timesheet', context: { url: `${page}?token=a#x` } },
        { ...bearer(t.demo.member), ...key() },
      ),
    );
    const { id } = (await created.json()) as { id: string };
    const emma = await t.tokenFor('Emma Laurent');
    const elsewhere = `https://emma:pw@payroll.example/timesheets/7?token=b#y`;
    const similar = await get(emma, `/v1/asks/similar?departmentId=${payrollId}&url=${encodeURIComponent(elsewhere)}`);
    expect(JSON.parse(similar)).toMatchObject({ asks: [{ id }] });
    const followed = await t.request(`/v1/asks/${id}/follow`, post({ url: elsewhere }, bearer(emma)));
    expect(followed.status).toBe(200);
  });

  it('is a web page: other schemes are refused, naming the field, and nothing is recorded', async () => {
    const seq = async () => JSON.parse(await get(t.demo.admin, '/v1/sync?after=0')).seq as number;
    const before = await seq();
    for (const url of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'file:///home/me/payslip.pdf',
      'ftp://payroll.example/x',
      'chrome://settings',
      'https://',
    ]) {
      const res = await t.request(
        '/v1/asks',
        post(
          { to: { kind: 'department', id: payrollId }, subject: 'Look', context: { url } },
          { ...bearer(t.demo.member), ...key() },
        ),
      );
      expect(res.status, url).toBe(400);
      expect(await res.json()).toMatchObject({
        error: { code: 'validation_failed', fields: { 'context.url': expect.any(String) } },
      });
      const similar = await t.request(`/v1/asks/similar?departmentId=${payrollId}&url=${encodeURIComponent(url)}`, {
        headers: bearer(t.demo.member),
      });
      expect(similar.status, url).toBe(400);
      expect(await similar.json()).toMatchObject({ error: { fields: { url: expect.any(String) } } });
    }
    expect(await seq()).toBe(before);
  });
});
