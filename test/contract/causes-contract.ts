import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledgers } from '../../server/core/remote.ts';
import { type Cause, causes } from '../../shared/causes.ts';
import { seededCompany } from '../support/company.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Causes, not culprits, whatever runs the ledger: one optional cause after a reopen, a bounce, a decline or a
 * low rating, by whoever took that step; counted per hand-off pair in the views (equal to a replay), shown to
 * managers only, and at a company's size within the Durable Object's 100 values per statement.
 */
export function causesContract(runtime: string, makeLedgers: () => Ledgers) {
  describe(`causes of broken hand-offs (${runtime})`, () => {
    async function scenario() {
      const demo = await seededDemo(makeLedgers());
      const L = demo.ledger;
      const [priya, jonas, kenji] = await Promise.all(
        ['Priya Natarajan', 'Jonas Berg', 'Kenji Sato'].map((n) => demo.principalOf(n)),
      );
      const [payroll, it, facilities, sales] = await Promise.all(
        ['Payroll', 'IT', 'Facilities', 'Sales'].map(async (n) => (await demo.find(n)).id),
      );
      const ask = (to: string, subject: string) =>
        newAsk(L, demo.member, askTo({ kind: 'department', id: to }, subject));
      return { demo, L, priya, jonas, kenji, payroll, it, facilities, sales, ask };
    }

    it('takes one cause per step from whoever took it: decline, bounce, reopen, low rating', async () => {
      const { demo, L, priya, jonas, kenji, payroll, it, facilities, sales, ask } = await scenario();
      // Payroll declines; the decliner says what got in the way.
      const a = await ask(payroll, 'Bonus for a contractor');
      await L.transitionAsk(priya, a.id, { status: 'declined', reason: 'Not ours' });
      expect(await L.noteCause(priya, a.id, { cause: 'tools_or_access' })).toEqual({
        result: { askId: a.id, step: 'declined', cause: 'tools_or_access' },
        replayed: false,
      });
      // A retry of the same tap answers the same and records nothing more; another cause is refused.
      expect(await L.noteCause(priya, a.id, { cause: 'tools_or_access' })).toMatchObject({ replayed: true });
      await expect(L.noteCause(priya, a.id, { cause: 'capacity' })).rejects.toMatchObject({ code: 'conflict' });
      // The requester reopens it: their own step, their own cause.
      await L.transitionAsk(demo.member, a.id, { status: 'open' });
      expect((await L.noteCause(demo.member, a.id, { cause: 'unclear_owner' })).result.step).toBe('reopened');

      // IT → Facilities → IT: Kenji's forward back is a bounce; the ask left Facilities, yet Kenji gives its cause.
      const b = await ask(it, 'Badge does not open the door');
      await L.forwardAsk(jonas, b.id, { departmentId: facilities, note: '' });
      // A first forward is no bounce (and the ask has left Jonas's hands: not found for him).
      await expect(L.noteCause(jonas, b.id, { cause: 'other' })).rejects.toMatchObject({ code: 'not_found' });
      await L.forwardAsk(kenji, b.id, { departmentId: it, note: '' });
      expect((await L.noteCause(kenji, b.id, { cause: 'information_missing' })).result.step).toBe('bounced');

      // A rating of 2 takes a cause; a rating of 3 is no step.
      const c = await ask(it, 'VPN drops');
      await L.transitionAsk(jonas, c.id, { status: 'resolved' });
      await L.rateAsk(demo.member, c.id, { overall: 2, comment: '' }, 'rate-c');
      expect((await L.noteCause(demo.member, c.id, { cause: 'waiting_on_team' })).result.step).toBe('rated_low');
      const d = await ask(it, 'Printer');
      await L.transitionAsk(jonas, d.id, { status: 'resolved' });
      await L.rateAsk(demo.member, d.id, { overall: 3, comment: '' }, 'rate-d');
      await expect(L.noteCause(demo.member, d.id, { cause: 'capacity' })).rejects.toMatchObject({ code: 'conflict' });
      // An ask to a person has no department pair to count a cause against: none is taken.
      const e = await newAsk(L, demo.member, askTo({ kind: 'person', id: priya.personId }, 'Quick question'));
      await L.transitionAsk(priya, e.id, { status: 'declined', reason: 'Ask Payroll' });
      await expect(L.noteCause(priya, e.id, { cause: 'capacity' })).rejects.toMatchObject({ code: 'conflict' });
      // Someone who took no step and cannot read the ask: not found, as for an ask that does not exist.
      await expect(L.noteCause(kenji, d.id, { cause: 'capacity' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(L.noteCause(kenji, 'no-such-ask', { cause: 'capacity' })).rejects.toMatchObject({
        code: 'not_found',
      });

      // The hand-off map: per pair (requester's department → serving department), counts per cause.
      const map = await L.handoffs(demo.manager, { period: 'month' });
      const pair = (to: string) => map.causes.find((p) => p.from === sales && p.to === to);
      expect(pair(payroll)).toEqual({
        from: sales,
        to: payroll,
        counts: { tools_or_access: 1, unclear_owner: 1 },
        total: 2,
      });
      expect(pair(it)).toEqual({
        from: sales,
        to: it,
        counts: { information_missing: 1, waiting_on_team: 1 },
        total: 2,
      });
      expect(map.causes).toHaveLength(2);
      expect((await L.handoffs(demo.manager, { period: 'month', departmentId: payroll })).causes).toEqual([
        pair(payroll),
      ]);
      await expect(L.handoffs(demo.member, { period: 'month' })).rejects.toMatchObject({ code: 'forbidden' });

      // The ask's timeline never shows a cause; the log holds departments and a category, no one named.
      const detail = await L.askDetail(demo.member, a.id);
      expect(detail.timeline.map((t) => t.type)).not.toContain('thanked');
      expect(detail.timeline.map((t) => t.type)).toEqual(['created', 'status', 'status']);
      const { events } = await L.events(demo.admin, { after: 0, limit: 500 });
      const noted = events.filter((e) => e.type === 'ask.cause_noted');
      expect(noted).toHaveLength(4);
      for (const e of noted) {
        expect(Object.keys(e.data).sort()).toEqual(
          ['cause', 'fromDepartmentId', 'step', 'stepAt', 'stepSeq', 'toDepartmentId'].sort(),
        );
      }
    });

    it('keeps the causes view equal to a replay of the event log, row for row', async () => {
      const { demo, L, priya, payroll, ask } = await scenario();
      for (const cause of causes) {
        const a = await ask(payroll, `Ask ${cause}`);
        await L.transitionAsk(priya, a.id, { status: 'declined', reason: 'No' });
        await L.noteCause(priya, a.id, { cause });
      }
      const before = await L.viewsSnapshot();
      expect(before.v_handoff_causes.length).toBe(causes.length * 6); // every grain's bucket
      const map = await L.handoffs(demo.manager, { period: 'all' });
      await L.rebuildViews();
      expect(await L.viewsSnapshot()).toEqual(before);
      expect(await L.handoffs(demo.manager, { period: 'all' })).toEqual(map);
    });
  });

  describe(`causes across a company's 40 departments (${runtime})`, () => {
    let c: Awaited<ReturnType<typeof seededCompany>>;
    beforeAll(async () => {
      c = await seededCompany(makeLedgers());
      // Requesters from every department ask every department once and are declined, each with a cause.
      for (let d = 0; d < 40; d++) {
        const requester = await c.member(500 + d);
        const server = await c.member(d);
        const a = await newAsk(
          c.ledger,
          requester,
          askTo({ kind: 'department', id: c.departmentOf(d) }, `Cause ${d}`, { allowDuplicate: true }),
        );
        await c.ledger.transitionAsk(server, a.id, { status: 'declined', reason: 'Not ours' });
        await c.ledger.noteCause(server, a.id, { cause: causes[d % causes.length] });
      }
    }, 600_000);

    it('answers every period, the widest custom range too, with every pair and its cause', async () => {
      const now = Date.now();
      const widest = { period: 'custom', from: isoDay(now - 3 * 365 * DAY + 3 * DAY), to: isoDay(now + DAY) } as const;
      for (const p of [{ period: 'week' }, { period: 'month' }, { period: 'all' }, widest] as const) {
        const map = await c.ledger.handoffs(c.manager, p);
        expect(map.causes, p.period).toHaveLength(40);
        const total: Partial<Record<Cause, number>> = {};
        for (const pair of map.causes) {
          expect(pair.total).toBe(1);
          for (const [k, n] of Object.entries(pair.counts)) total[k as Cause] = (total[k as Cause] ?? 0) + n;
        }
        expect(total).toEqual({
          information_missing: 7,
          unclear_owner: 7,
          tools_or_access: 7,
          waiting_on_team: 7,
          capacity: 6,
          other: 6,
        });
      }
      const one = await c.ledger.handoffs(c.manager, { ...widest, departmentId: c.departmentOf(3) });
      expect(one.causes).toHaveLength(2); // its requesters' pair and its own
    });

    it('rebuilds the causes with every view, row for row', async () => {
      const before = await c.ledger.viewsSnapshot();
      expect(before.v_handoff_causes).toHaveLength(40 * 6);
      await c.ledger.rebuildViews();
      expect(await c.ledger.viewsSnapshot()).toEqual(before);
    });
  });
}
