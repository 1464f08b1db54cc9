import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import type { Ledgers } from '../../server/core/remote.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/**
 * The managers' views, whatever runs the ledger: recognition with its filters, service insights, the
 * hand-off map, trends and the digest, all from views kept in each event's transaction, and equal to
 * a replay of the event log.
 */
export function viewsContract(runtime: string, makeLedgers: () => Ledgers) {
  async function scenario() {
    const demo = await seededDemo(makeLedgers());
    const L = demo.ledger;
    const who = (name: string) => demo.principalOf(name);
    const [priya, jonas, lena, aisha, kenji] = await Promise.all(
      ['Priya Natarajan', 'Jonas Berg', 'Lena Fischer', 'Aisha Bello', 'Kenji Sato'].map(who),
    );
    const dept = async (name: string) => (await demo.find(name)).id;
    const [payroll, it, facilities, legal, sales] = await Promise.all(
      ['Payroll', 'IT', 'Facilities', 'Legal', 'Sales'].map(dept),
    );
    const [v1, v2] = (await L.me(demo.member)).values;
    let k = 0;
    const thank = (from: Principal, to: Principal, values: string[], visibility: 'public' | 'private' = 'public') =>
      L.createThank(
        from,
        { to: [{ kind: 'person', id: to.personId }], message: 'Thanks', values, visibility },
        `t-${k++}`,
      );
    await thank(demo.member, priya, [v1.id]);
    await thank(jonas, priya, [v2.id]);
    await thank(demo.member, priya, [], 'private');
    await thank(lena, jonas, []);

    const ask = (to: string, subject: string, extra = {}) =>
      newAsk(L, demo.member, askTo({ kind: 'department', id: to }, subject, extra));
    // Payroll: answered, resolved before it was needed, rated, thanked from the rating.
    const a = await ask(payroll, 'Overtime missing', { importance: 'high', expectedBy: day(30) });
    await L.transitionAsk(priya, a.id, { status: 'acknowledged' });
    await L.transitionAsk(priya, a.id, { status: 'resolved' });
    await L.rateAsk(
      demo.member,
      a.id,
      { overall: 4, communication: 5, comment: '', thanks: { message: 'Thank you', values: [] } },
      'rate-a',
    );
    // IT → Facilities → IT: a bounce, then resolved by Jonas.
    const b = await ask(it, 'Badge does not open the door');
    await L.forwardAsk(jonas, b.id, { departmentId: facilities, note: 'Doors are yours' });
    await L.forwardAsk(kenji, b.id, { departmentId: it, note: 'It is the badge system' });
    await L.transitionAsk(jonas, b.id, { status: 'resolved' });
    // Legal: still open. IT: three more, all served by Aisha, none thanked.
    await ask(legal, 'NDA for a prospect');
    for (const s of ['VPN', 'Laptop', 'Licence']) {
      const x = await ask(it, s);
      await L.transitionAsk(aisha, x.id, { status: 'resolved' });
    }
    return { demo, L, priya, jonas, lena, aisha, v1, v2, payroll, it, facilities, legal, sales };
  }

  describe(`the managers' views (${runtime})`, () => {
    it('ranks recognition with distinct givers and reach, by value, department and direction, private thanks never', async () => {
      const { demo, L, priya, jonas, v1, it, payroll } = await scenario();
      const m = demo.manager;
      const week = { period: 'week', kind: 'person', direction: 'received', limit: 20 } as const;
      const people = await L.leaderboard(m, week);
      expect(people.rows.slice(0, 2)).toMatchObject([
        { rank: 1, id: priya.personId, received: 3, distinctGivers: 2, reach: 2 },
        { rank: 2, id: jonas.personId, received: 1, distinctGivers: 1, reach: 1 },
      ]);
      expect((await L.leaderboard(m, { ...week, valueId: v1.id })).rows).toMatchObject([
        { id: priya.personId, received: 1 },
      ]);
      expect((await L.leaderboard(m, { ...week, departmentId: it })).rows.map((r) => r.id)).toEqual([jonas.personId]);
      const given = await L.leaderboard(m, { ...week, direction: 'given' });
      expect(given.rows[0]).toMatchObject({ id: demo.member.personId, received: 2 });
      const departments = await L.leaderboard(m, { ...week, kind: 'department' });
      expect(departments.rows).toEqual([
        expect.objectContaining({ id: payroll, received: 1, asksServed: 1, perHundredServed: 100 }),
      ]);
      // A custom range over several buckets: distinct givers are a union, not a sum.
      const custom = await L.leaderboard(m, { ...week, period: 'custom', from: day(-40), to: day(1) });
      expect(custom.range).toMatchObject({ period: 'custom', from: day(-40), to: day(1) });
      expect(custom.rows[0]).toMatchObject({ id: priya.personId, received: 3, distinctGivers: 2, reach: 2 });
      // Opting out takes Priya off every board.
      await L.updateMe(priya, { boardOptOut: true });
      expect((await L.leaderboard(m, week)).rows.map((r) => r.id)).not.toContain(priya.personId);
      await expect(L.leaderboard(demo.member, week)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('reports service per department: times, standard, ratings, expectations, backlog, forwards and bounces', async () => {
      const { demo, L, payroll, it, facilities, legal, aisha } = await scenario();
      const s = await L.service(demo.manager, { period: 'month' });
      const byId = new Map(s.departments.map((d) => [d.id, d]));
      expect(byId.get(payroll)).toMatchObject({
        received: 1,
        resolved: 1,
        firstResponse: { count: 1, withinStandard: 1 },
        resolution: { count: 1, withinStandard: 1 },
        ratings: { count: 1, overall: 4, communication: 5, quality: null },
        neededBy: { met: 1, missed: 0 },
        byImportance: [{ importance: 'high', rated: 1, overall: 4 }],
        standard: { firstResponseHours: expect.any(Number), resolutionHours: expect.any(Number) },
      });
      expect(byId.get(payroll)?.resolution.medianMs).not.toBeNull();
      expect(byId.get(it)).toMatchObject({ received: 5, resolved: 4, forwardedOut: 1, bounces: 1, backlog: 0 });
      expect(byId.get(facilities)).toMatchObject({ received: 1, forwardedOut: 1, resolved: 0 });
      expect(byId.get(legal)).toMatchObject({ received: 1, backlog: 1, overdue: 0 });
      expect(s.organisation).toMatchObject({ received: 6, resolved: 5, backlog: 1 });
      // Aisha served three asks and nobody thanked her.
      const helpers = await L.unsung(demo.manager, { period: 'month' });
      expect(helpers.rows).toEqual([{ id: aisha.personId, name: 'Aisha Bello', asksServed: 3, thanks: 0 }]);
      await expect(L.service(demo.member, { period: 'month' })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('maps hand-offs, week-by-week trends and the weekly digest', async () => {
      const { demo, L, sales, it, facilities } = await scenario();
      const map = await L.handoffs(demo.manager, { period: 'quarter' });
      const cell = (to: string) => map.cells.find((c) => c.from === sales && c.to === to);
      expect(cell(it)).toMatchObject({ arrivals: 5, resolved: 4, forwards: 1, bounces: 1 });
      expect(cell(it)?.medianMs).not.toBeNull();
      expect(cell(facilities)).toMatchObject({ arrivals: 1, resolved: 0, forwards: 1, bounces: 0 });
      const trend = await L.trends(demo.manager, { weeks: 4 });
      expect(trend.weeks).toHaveLength(4);
      expect(trend.weeks[3]).toMatchObject({ thanks: 4, received: 6, resolved: 5 });
      expect(trend.weeks[0]).toMatchObject({ thanks: 0, received: 0 });
      const digest = await L.digest(demo.manager, { at: day(7) });
      expect(digest).toMatchObject({
        manager: 'Maya Okafor',
        totals: { thanks: 4, asksReceived: 6, asksResolved: 5 },
        topPeople: [expect.objectContaining({ name: 'Priya Natarajan', received: 3 }), expect.anything()],
        unsung: [{ name: 'Aisha Bello', asksServed: 3, thanks: 0 }],
      });
    });

    it('equals a replay of the event log, row for row', async () => {
      const { demo, L } = await scenario();
      const before = await L.viewsSnapshot();
      expect(before.v_recognition.length).toBeGreaterThan(0);
      const board = await L.service(demo.manager, { period: 'all' });
      await L.rebuildViews();
      expect(await L.viewsSnapshot()).toEqual(before);
      expect(await L.service(demo.manager, { period: 'all' })).toEqual(board);
    });
  });
}
