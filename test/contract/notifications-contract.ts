import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import type { AsyncLedger, Ledgers } from '../../server/core/remote.ts';
import { defaultNotificationPrefs } from '../../shared/notifications.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

/** Everything a person would be told from `after` on, paging through `more`. */
async function toldAfter(L: AsyncLedger, who: Principal, after: number) {
  const items = [];
  for (let cursor = after, more = true; more; ) {
    const page = await L.notifications(who, cursor);
    items.push(...page.items);
    ({ last: cursor, more } = page);
  }
  return items;
}
const seqOf = async (L: AsyncLedger, who: Principal) => (await L.sync(who, 0)).seq;
const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * Browser notifications derived from the log, whatever runs the ledger: each person is told what concerns
 * them and nothing they did themselves; a private thank-you reaches its recipient and no one else.
 */
export function notificationsContract(runtime: string, makeLedgers: () => Ledgers) {
  describe(`notifications (${runtime})`, () => {
    it('tells Payroll of a new ask, the requester of a reply and of the resolution, the thanked of the thanks', async () => {
      const demo = await seededDemo(makeLedgers());
      const L = demo.ledger;
      const payroll = await demo.find('Payroll');
      const priya = await demo.principalOf('Priya Natarajan');
      const tom = await demo.principalOf('Tom Becker');
      const lena = await demo.principalOf('Lena Fischer');
      const sam = demo.member;
      const start = await seqOf(L, sam);

      const ask = await newAsk(L, sam, askTo({ kind: 'department', id: payroll.id }, 'Overtime missing'));
      for (const who of [priya, tom]) {
        expect(await toldAfter(L, who, start)).toEqual([
          expect.objectContaining({
            kind: 'newAsk',
            askId: ask.id,
            title: 'Sam Rivera asked Payroll',
            body: 'Overtime missing',
          }),
        ]);
      }
      expect(await toldAfter(L, sam, start)).toEqual([]); // his own action
      expect(await toldAfter(L, lena, start)).toEqual([]); // not her department

      const afterAsk = await seqOf(L, sam);
      await L.replyToAsk(priya, ask.id, { body: 'Which month?' }, 'n-reply-1');
      await L.transitionAsk(priya, ask.id, { status: 'resolved' });
      const told = await toldAfter(L, sam, afterAsk);
      expect(told.map((i) => [i.kind, i.askId, i.title])).toEqual([
        ['reply', ask.id, 'Priya Natarajan replied: Overtime missing'],
        ['resolved', ask.id, 'Priya Natarajan resolved your ask'],
      ]);
      expect(told[0].body).toBe('Which month?');
      expect(new Set(told.map((i) => i.id)).size).toBe(2);
      expect(await toldAfter(L, priya, afterAsk)).toEqual([]);

      const afterResolve = await seqOf(L, sam);
      const { result: thank } = await L.createThank(
        sam,
        {
          to: [{ kind: 'person', id: priya.personId }],
          message: 'Private: you saved my month',
          values: [],
          askId: ask.id,
          visibility: 'private',
        },
        'n-thank-1',
      );
      expect(await toldAfter(L, priya, afterResolve)).toEqual([
        expect.objectContaining({
          kind: 'thanks',
          thankId: thank.id,
          title: 'Sam Rivera thanked you',
          body: 'Private: you saved my month',
        }),
      ]);
      // Nobody else in the organisation is told of it, whatever their role.
      const everyone = (await L.listPeople(demo.admin, '', true, 200)).people;
      expect(everyone.length).toBeGreaterThan(15);
      for (const person of everyone.filter((p) => p.id !== priya.personId)) {
        const who = { orgId: demo.orgId, personId: person.id, role: person.role };
        const items = await toldAfter(L, who, afterResolve);
        expect(JSON.stringify(items)).not.toContain('saved my month');
        expect(items.filter((i) => i.kind === 'thanks')).toEqual([]);
      }
    });

    it('keeps each person’s preferences, one event per change, filters by them and reports quiet hours', async () => {
      const demo = await seededDemo(makeLedgers());
      const L = demo.ledger;
      const payroll = await demo.find('Payroll');
      const priya = await demo.principalOf('Priya Natarajan');
      const tom = await demo.principalOf('Tom Becker');
      expect(await L.notificationPrefs(priya)).toEqual(defaultNotificationPrefs('UTC'));

      const before = await seqOf(L, priya);
      const now = Date.now();
      const quietHours = { start: hhmm(now - 3_600_000), end: hhmm(now + 3_600_000) };
      const mine = { ...defaultNotificationPrefs('UTC'), quietHours };
      expect(await L.setNotificationPrefs(priya, mine)).toEqual(mine);
      const events = (await L.events(demo.admin, { after: before, limit: 10 })).events;
      expect(events.map((e) => [e.type, e.actorId])).toEqual([['person.notifications_updated', priya.personId]]);
      expect(await L.notificationPrefs(priya)).toEqual(mine);
      expect(await L.notificationPrefs(tom)).toEqual(defaultNotificationPrefs('UTC')); // only her own

      const ask = await newAsk(L, demo.member, askTo({ kind: 'department', id: payroll.id }, 'Bonus question'));
      const quiet = await L.notifications(priya, before);
      expect(quiet.quiet).toBe(true);
      expect(quiet.items.map((i) => i.askId)).toEqual([ask.id]); // still there: the extension shows none
      expect((await L.notifications(tom, before)).quiet).toBe(false);

      // New asks off: she is told of none; thanks still reach her.
      await L.setNotificationPrefs(priya, { ...mine, kinds: { ...mine.kinds, newAsk: false }, quietHours: null });
      const afterOff = await seqOf(L, priya);
      await newAsk(L, demo.member, askTo({ kind: 'department', id: payroll.id }, 'Another question'));
      await L.createThank(
        demo.member,
        { to: [{ kind: 'person', id: priya.personId }], message: 'Thanks!', values: [], visibility: 'public' },
        'n-thank-2',
      );
      expect((await toldAfter(L, priya, afterOff)).map((i) => i.kind)).toEqual(['thanks']);
      expect((await toldAfter(L, tom, afterOff)).map((i) => i.kind)).toEqual(['newAsk']);
    });

    it('tells no one of an ask assigned to someone else, and the assignee of the assignment', async () => {
      const demo = await seededDemo(makeLedgers());
      const L = demo.ledger;
      const payroll = await demo.find('Payroll');
      const priya = await demo.principalOf('Priya Natarajan');
      const tom = await demo.principalOf('Tom Becker');
      const start = await seqOf(L, tom);
      const ask = await newAsk(L, demo.member, askTo({ kind: 'department', id: payroll.id }, 'Expenses'));
      await L.assignAsk(tom, ask.id, { assigneeId: priya.personId });
      expect((await toldAfter(L, priya, start)).map((i) => [i.kind, i.title])).toEqual([
        ['newAsk', 'Sam Rivera asked Payroll'],
        ['newAsk', 'Tom Becker assigned you an ask'],
      ]);
      expect(await toldAfter(L, tom, start)).toEqual([]); // assigned away, and his own assignment
    });
  });
}
