import { describe, expect, it } from 'vitest';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

type Admin = Parameters<AsyncLedger['events']>[0];

/** Every event, paging through the log as an export would. */
async function allEvents(ledger: AsyncLedger, admin: Admin) {
  const all = [];
  for (let after = 0; ; ) {
    const page = await ledger.events(admin, { after, limit: 500 });
    all.push(...page.events);
    if (!page.more) return all;
    after = page.last;
  }
}

const thankCount = async (ledger: AsyncLedger, admin: Admin) =>
  (await allEvents(ledger, admin)).filter((e) => e.type === 'thank.created').length;

/**
 * The ledger's behaviour, whatever runs it: this one suite runs against better-sqlite3 on Node and
 * against the Durable Object's SQLite inside workerd.
 */
export function ledgerContract(runtime: string, makeLedgers: () => Ledgers, concurrent = 200) {
  describe(`ledger contract (${runtime})`, () => {
    it('counts a public thank-you on the leaderboard with its distinct givers', async () => {
      const demo = await seededDemo(makeLedgers());
      const priya = await demo.find('Priya Natarajan');
      const payroll = await demo.find('Payroll');
      const tom = await demo.principalOf('Tom Becker');
      const to = [{ kind: 'person' as const, id: priya.id }];
      await demo.ledger.createThank(
        demo.member,
        { to, message: 'Fixed my payslip', values: [], visibility: 'public' },
        'k-1',
      );
      await demo.ledger.createThank(demo.member, { to, message: 'Again!', values: [], visibility: 'public' }, 'k-2');
      await demo.ledger.createThank(
        tom,
        { to: [...to, { kind: 'department', id: payroll.id }], message: 'Team', values: [], visibility: 'public' },
        'k-3',
      );
      const board = await demo.ledger.leaderboard(demo.manager, {
        period: 'week',
        kind: 'person',
        direction: 'received',
        limit: 20,
      });
      expect(board.rows[0]).toMatchObject({ rank: 1, id: priya.id, received: 3, distinctGivers: 2 });
      const depts = await demo.ledger.leaderboard(demo.manager, {
        period: 'all',
        kind: 'department',
        direction: 'received',
        limit: 20,
      });
      // Tom is in Payroll himself: his thanks reach one department. Payroll served no ask yet.
      expect(depts.rows).toEqual([
        {
          rank: 1,
          id: payroll.id,
          name: 'Payroll',
          received: 1,
          distinctGivers: 1,
          reach: 1,
          asksServed: 0,
          perHundredServed: null,
        },
      ]);
    });

    it('keeps private thanks off every board but shows them to the recipient', async () => {
      const demo = await seededDemo(makeLedgers());
      const priya = await demo.principalOf('Priya Natarajan');
      await demo.ledger.createThank(
        demo.member,
        { to: [{ kind: 'person', id: priya.personId }], message: 'Just between us', values: [], visibility: 'private' },
        'k-private',
      );
      for (const period of ['week', 'month', 'quarter', 'all'] as const) {
        expect(
          (await demo.ledger.leaderboard(demo.manager, { period, kind: 'person', direction: 'received', limit: 20 }))
            .rows,
        ).toEqual([]);
      }
      const inbox = await demo.ledger.inbox(priya);
      expect(inbox.thanks.map((t) => t.message)).toEqual(['Just between us']);
      expect((await demo.ledger.inbox(demo.manager)).thanks).toEqual([]);
    });

    it('creates exactly one thank-you for a key sent five times, and refuses the key with another body', async () => {
      const demo = await seededDemo(makeLedgers());
      const priya = await demo.find('Priya Natarajan');
      const input = {
        to: [{ kind: 'person' as const, id: priya.id }],
        message: 'Thanks',
        values: [],
        visibility: 'public' as const,
      };
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map(() => demo.ledger.createThank(demo.member, input, 'same-key')),
      );
      expect(new Set(results.map((r) => r.result.id)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await thankCount(demo.ledger, demo.admin)).toBe(1);
      await expect(
        demo.ledger.createThank(demo.member, { ...input, message: 'Other' }, 'same-key'),
      ).rejects.toMatchObject({
        code: 'idempotency_key_reused',
      });
      // Keys are per sender: another person may use the same key.
      const tom = await demo.principalOf('Tom Becker');
      expect((await demo.ledger.createThank(tom, input, 'same-key')).replayed).toBe(false);
    });

    it(`counts ${concurrent} concurrent thanks to one person exactly, with exactly that many events`, async () => {
      const demo = await seededDemo(makeLedgers());
      const priya = await demo.find('Priya Natarajan');
      const to = [{ kind: 'person' as const, id: priya.id }];
      // A load test, not a use: lift the organisation's per-person limits first.
      await demo.ledger.updateSettings(demo.admin, {
        limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 },
      });
      await Promise.all(
        Array.from({ length: concurrent }, (_, i) =>
          demo.ledger.createThank(
            demo.member,
            { to, message: `Thanks #${i}`, values: [], visibility: 'public' },
            `c-${i}`,
          ),
        ),
      );
      const board = await demo.ledger.leaderboard(demo.manager, {
        period: 'all',
        kind: 'person',
        direction: 'received',
        limit: 5,
      });
      expect(board.rows[0]).toMatchObject({ id: priya.id, received: concurrent, distinctGivers: 1 });
      expect(await thankCount(demo.ledger, demo.admin)).toBe(concurrent);
    });

    it('refuses self-thanks and unknown recipients and writes nothing', async () => {
      const demo = await seededDemo(makeLedgers());
      const before = (await demo.ledger.events(demo.admin, { after: 0, limit: 500 })).last;
      const self = {
        to: [{ kind: 'person' as const, id: demo.member.personId }],
        message: 'Me',
        values: [],
        visibility: 'public' as const,
      };
      await expect(demo.ledger.createThank(demo.member, self, 'self')).rejects.toMatchObject({ code: 'self_thanks' });
      const ghost = { ...self, to: [{ kind: 'person' as const, id: 'p_nobody' }] };
      await expect(demo.ledger.createThank(demo.member, ghost, 'ghost')).rejects.toMatchObject({
        code: 'unknown_recipient',
        fields: { 'to.0.id': 'Unknown person' },
      });
      await expect(
        demo.ledger.createAsk(demo.member, askTo({ kind: 'department', id: 'd_nope' }, 'x'), 'ask-ghost'),
      ).rejects.toMatchObject({ code: 'unknown_recipient' });
      expect((await demo.ledger.events(demo.admin, { after: 0, limit: 500 })).last).toBe(before);
      // A refused key is not burnt: the corrected request goes through with it.
      const priya = await demo.find('Priya Natarajan');
      const ok = await demo.ledger.createThank(
        demo.member,
        { ...self, to: [{ kind: 'person', id: priya.id }] },
        'self',
      );
      expect(ok.replayed).toBe(false);
    });

    it('delivers an ask to a department: its members see it, others get not found', async () => {
      const demo = await seededDemo(makeLedgers());
      const payroll = await demo.find('Payroll');
      const context = {
        url: 'https://hr.example/payslips/2026-11',
        title: 'Payslip November',
        selection: 'Overtime: 0.00',
      };
      const ask = await newAsk(
        demo.ledger,
        demo.member,
        askTo({ kind: 'department', id: payroll.id }, 'Overtime missing', { details: '6 hours on the 12th', context }),
      );
      expect(ask).toMatchObject({ status: 'open', to: { name: 'Payroll' }, context });
      const priya = await demo.principalOf('Priya Natarajan');
      expect((await demo.ledger.inbox(priya)).forMe.map((a) => a.id)).toEqual([ask.id]);
      expect((await demo.ledger.inbox(demo.member)).sent.map((a) => a.id)).toEqual([ask.id]);
      expect((await demo.ledger.askDetail(priya, ask.id)).ask).toMatchObject({ subject: 'Overtime missing' });
      // The manager of another department is not party to it.
      await expect(demo.ledger.askDetail(demo.manager, ask.id)).rejects.toMatchObject({ code: 'not_found' });
      expect((await demo.ledger.inbox(demo.manager)).forMe).toEqual([]);
    });

    it('links a thank-you to an ask the sender can read, and to no other', async () => {
      const demo = await seededDemo(makeLedgers());
      const it = await demo.find('IT');
      const jonas = await demo.find('Jonas Berg');
      const ask = await newAsk(demo.ledger, demo.member, askTo({ kind: 'department', id: it.id }, 'VPN access'));
      const to = [{ kind: 'person' as const, id: jonas.id }];
      const { result } = await demo.ledger.createThank(
        demo.member,
        { to, message: 'VPN works', values: [], askId: ask.id, visibility: 'public' },
        't-vpn',
      );
      expect(result.askId).toBe(ask.id);
      const tom = await demo.principalOf('Tom Becker');
      await expect(
        demo.ledger.createThank(
          tom,
          { to, message: 'Nosy', values: [], askId: ask.id, visibility: 'public' },
          't-nosy',
        ),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('searches the directory by the start of any word, people and departments together', async () => {
      const demo = await seededDemo(makeLedgers());
      const names = async (q: string) =>
        (await demo.ledger.directory(demo.member, { q, limit: 12 })).entries.map((e) => e.name);
      expect(await names('pay')).toEqual(['Payroll']);
      expect(await names('nat')).toEqual(['Priya Natarajan']);
      expect(await names('p')).toEqual(expect.arrayContaining(['Payroll', 'Purchasing', 'Priya Natarajan']));
      expect(await names('%')).toEqual([]);
    });

    it('issues tokens for codes, and stops honouring a revoked token', async () => {
      const demo = await seededDemo(makeLedgers());
      const { codeHash } = await import('../../server/http/routes/session.ts');
      const hash = await codeHash(demo.orgId, demo.codes.member.split('.')[1].toLowerCase());
      const principal = await demo.ledger.redeemSignInCode(hash, { hash: 'tok-hash', label: 'laptop' });
      expect(await demo.ledger.authenticate('tok-hash')).toEqual(principal);
      await demo.ledger.revokeToken(principal, 'tok-hash');
      expect(await demo.ledger.authenticate('tok-hash')).toBeNull();
      await expect(demo.ledger.redeemSignInCode('no-such-code', { hash: 'x', label: 'x' })).rejects.toMatchObject({
        code: 'invalid_code',
      });
    });

    it('keeps the event log in order, one event per change, for admins only', async () => {
      const demo = await seededDemo(makeLedgers());
      const { events } = await demo.ledger.events(demo.admin, { after: 0, limit: 500 });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events[0].type).toBe('org.seeded');
      await expect(demo.ledger.events(demo.manager, { after: 0, limit: 10 })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(
        demo.ledger.leaderboard(demo.member, { period: 'week', kind: 'person', direction: 'received', limit: 10 }),
      ).rejects.toMatchObject({
        code: 'forbidden',
      });
    });
  });
}
