import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import type { NewWebhook, WebhookEvent } from '../../shared/webhooks.ts';
import { companyRow, companySize, departmentName, importedCompany } from '../support/company.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

const hook = (name: string, events: WebhookEvent[], extra: Partial<NewWebhook> = {}): NewWebhook => ({
  name,
  target: 'slack',
  url: `http://hooks.test/${crypto.randomUUID()}`,
  events,
  ...extra,
});
const kinds = async (L: AsyncLedger, admin: Principal, id: string) =>
  (await L.deliveries(admin, id, 100)).deliveries.map((d) => d.kind).sort();
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'allowed',
    (e: { code: string; fields?: Record<string, string> }) => `${e.code}${e.fields ? ` ${Object.keys(e.fields)}` : ''}`,
  );

/**
 * Outbound webhooks, whatever runs the ledger: admins keep them (one event each, the secret shown once),
 * the outbox writes a delivery per matching endpoint in the event's own transaction (a private thank-you
 * never), and at a company's size no statement binds more than the Durable Object's 100 values. Where
 * deliveries go and what they say is proven against a real receiver (webhooks-delivery tests).
 */
export function webhooksContract(runtime: string, makeLedgers: () => Ledgers) {
  describe(`outbound webhooks (${runtime})`, () => {
    it('are kept by admins only, one event each, and the secret is shown once', async () => {
      const { ledger: L, admin, manager, member, find } = await seededDemo(makeLedgers());
      const payroll = await find('Payroll');
      const input = hook('Payroll desk', ['ask.new'], { target: 'teams', departmentId: payroll.id });
      const created = await L.createWebhook(admin, input, 'hook-key-1');
      expect(created.result).toMatchObject({
        name: 'Payroll desk',
        target: 'teams',
        scope: 'department',
        departmentName: 'Payroll',
        state: 'active',
      });
      expect(created.result.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      // A retry with the same key answers the same webhook; nothing new is made.
      const again = await L.createWebhook(admin, input, 'hook-key-1');
      expect(again).toMatchObject({ replayed: true, result: { id: created.result.id } });
      const { webhooks } = await L.webhooks(admin);
      expect(webhooks.map((w) => w.id)).toEqual([created.result.id]);
      expect(JSON.stringify(webhooks)).not.toContain(created.result.secret);
      const log = JSON.stringify(await L.events(admin, { after: 0, limit: 500 }));
      expect(log).toContain('webhook.created');
      expect(log).not.toContain(created.result.secret);
      expect(log).not.toContain(input.url);

      for (const who of [manager, member]) {
        expect(await refusal(L.webhooks(who))).toBe('forbidden');
        expect(await refusal(L.createWebhook(who, hook('x', ['digest']), `k-${who.role}`))).toBe('forbidden');
        expect(await refusal(L.updateWebhook(who, created.result.id, { state: 'paused' }))).toBe('forbidden');
        expect(await refusal(L.deleteWebhook(who, created.result.id))).toBe('forbidden');
      }
      expect(
        await refusal(L.createWebhook(admin, hook('x', ['ask.new'], { departmentId: 'dep_nope' }), 'hook-key-2')),
      ).toBe('validation_failed departmentId');

      const paused = await L.updateWebhook(admin, created.result.id, { state: 'paused' });
      expect(paused).toMatchObject({ state: 'paused', pausedReason: 'Paused by an admin' });
      expect(await L.updateWebhook(admin, created.result.id, { state: 'active', name: 'Pay desk' })).toMatchObject({
        state: 'active',
        pausedReason: null,
        name: 'Pay desk',
      });
      await L.deleteWebhook(admin, created.result.id);
      expect((await L.webhooks(admin)).webhooks).toEqual([]);
      expect(await refusal(L.testWebhook(admin, created.result.id))).toBe('not_found');
      const types = (await L.events(admin, { after: 0, limit: 500 })).events.map((e) => e.type);
      expect(types.filter((t) => t.startsWith('webhook.'))).toEqual([
        'webhook.created',
        'webhook.updated',
        'webhook.updated',
        'webhook.deleted',
      ]);
    });

    it('announces a public thank-you and a new ask where they are subscribed; a private thank-you never', async () => {
      const { ledger: L, admin, member, find } = await seededDemo(makeLedgers());
      const payroll = await find('Payroll');
      const facilities = await find('Facilities');
      const priya = await find('Priya Natarajan');
      const wall = (await L.createWebhook(admin, hook('Wall', ['thank.public', 'ask.new']), 'w1')).result;
      const generic = (await L.createWebhook(admin, hook('Bus', ['thank.public'], { target: 'standard' }), 'w2'))
        .result;
      const desk = (
        await L.createWebhook(admin, hook('Desk', ['ask.new', 'thank.public'], { departmentId: payroll.id }), 'w3')
      ).result;
      const other = (
        await L.createWebhook(admin, hook('Other', ['ask.new', 'thank.public'], { departmentId: facilities.id }), 'w4')
      ).result;

      const thank = (visibility: 'public' | 'private', key: string) =>
        L.createThank(
          member,
          { to: [{ kind: 'person', id: priya.id }], message: `Thanks ${visibility}`, values: [], visibility },
          key,
        );
      await thank('private', 't-private');
      expect(await kinds(L, admin, wall.id)).toEqual([]);
      expect(await kinds(L, admin, generic.id)).toEqual([]);
      expect(await kinds(L, admin, desk.id)).toEqual([]);
      await thank('public', 't-public');
      await newAsk(L, member, askTo({ kind: 'department', id: payroll.id }, 'Overtime'));
      // Priya works in Payroll: its channel hears of her thanks; Facilities' does not.
      expect(await kinds(L, admin, wall.id)).toEqual(['ask.new', 'thank.public']);
      expect(await kinds(L, admin, generic.id)).toEqual(['thank.public']);
      expect(await kinds(L, admin, desk.id)).toEqual(['ask.new', 'thank.public']);
      expect(await kinds(L, admin, other.id)).toEqual([]);

      // A test goes to the one webhook; a resend keeps the delivery's id.
      const ping = await L.testWebhook(admin, other.id);
      expect(await kinds(L, admin, other.id)).toEqual(['ping']);
      expect(await L.resendDelivery(admin, other.id, ping.id)).toEqual({ id: ping.id });
      expect((await L.deliveries(admin, other.id, 10)).deliveries.map((d) => d.id)).toEqual([ping.id]);
      expect(await refusal(L.resendDelivery(admin, wall.id, ping.id))).toBe('not_found');
    });

    it(`stays within 100 bound values for ${companySize.people} people and a webhook per department`, async () => {
      const { ledger: L, admin } = await importedCompany(makeLedgers(), 'hooks');
      const departments = (await L.departments(admin)).departments;
      const org = (await L.createWebhook(admin, hook('All', ['thank.public', 'ask.new', 'digest']), 'org')).result;
      const perDepartment = new Map<string, string>();
      for (const d of departments) {
        const events: WebhookEvent[] = ['thank.public', 'ask.new', 'ask.at_risk', 'ask.overdue'];
        perDepartment.set(
          d.name,
          (await L.createWebhook(admin, hook(d.name, events, { departmentId: d.id }), d.id)).result.id,
        );
      }
      const person = async (i: number) =>
        (await L.personByEmail({ email: companyRow(i).email, name: '' }, false)) as Principal;
      // Ten people of ten departments thanked at once: the organisation's channel and each department's.
      const sender = await person(999);
      const recipients = await Promise.all(Array.from({ length: 10 }, (_, i) => person(i)));
      await L.createThank(
        sender,
        {
          to: recipients.map((r) => ({ kind: 'person' as const, id: r.personId })),
          message: 'For the launch',
          values: [],
          visibility: 'public',
        },
        'wide',
      );
      expect(await kinds(L, admin, org.id)).toEqual(['thank.public']);
      for (let d = 0; d < companySize.departments; d++) {
        const expected = d < 10 ? ['thank.public'] : [];
        expect(await kinds(L, admin, perDepartment.get(departmentName(d)) as string), departmentName(d)).toEqual(
          expected,
        );
      }
      // Every manager (one in 25) sends their digest to the organisation's webhook; due now, once each.
      const managers = await Promise.all(Array.from({ length: companySize.people / 25 }, (_, k) => person(k * 25)));
      for (const m of managers) await L.chooseDigest(m, { webhookId: org.id });
      const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date().getUTCDay()];
      await L.updateSettings(admin, { digest: { day, hour: 0, timeZone: 'UTC' } });
      await L.scheduleDeliveries();
      await L.scheduleDeliveries();
      const digests = (await kinds(L, admin, org.id)).filter((k) => k === 'digest');
      expect(digests).toHaveLength(managers.length);
    });
  });
}
