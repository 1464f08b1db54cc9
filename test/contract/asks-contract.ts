import { describe, expect, it } from 'vitest';
import type { Ledgers } from '../../server/core/remote.ts';
import { askTo, newAsk, seededDemo } from '../support/demo.ts';

const page = { url: 'https://payroll.example/payslips/2026-11', title: 'Payslip', selection: 'Overtime 0.00' };

/** Asks as a service desk, whatever runs the ledger: the lifecycle, its refusals, hand-offs, the rating loop. */
export function asksContract(runtime: string, makeLedgers: () => Ledgers) {
  async function payrollAsk() {
    const demo = await seededDemo(makeLedgers());
    const payroll = await demo.find('Payroll');
    const priya = await demo.principalOf('Priya Natarajan');
    const ask = await newAsk(
      demo.ledger,
      demo.member,
      askTo({ kind: 'department', id: payroll.id }, 'Overtime missing', { context: page, importance: 'high' }),
    );
    return { demo, payroll, priya, ask };
  }

  describe(`asks as a service desk (${runtime})`, () => {
    it('runs the whole loop: acknowledge, ask the requester, answer, resolve, rate and thank in one step', async () => {
      const { demo, priya, ask } = await payrollAsk();
      const L = demo.ledger;
      expect((await L.sync(priya, 0)).waitingOnMe).toBe(1);
      const acked = await L.transitionAsk(priya, ask.id, { status: 'acknowledged' });
      expect(acked.ask.firstResponseAt).not.toBeNull();
      await L.transitionAsk(priya, ask.id, { status: 'waiting_on_requester' });
      expect((await L.sync(demo.member, 0)).waitingOnMe).toBe(1);
      // The requester's answer sets it going again.
      const { result: answered } = await L.replyToAsk(demo.member, ask.id, { body: 'It was the 12th.' }, 'reply-key-1');
      expect(answered.ask.status).toBe('in_progress');
      const resolved = await L.transitionAsk(priya, ask.id, { status: 'resolved' });
      expect(resolved.ask).toMatchObject({ status: 'resolved', resolvedBy: { id: priya.personId } });
      expect((await L.inbox(demo.member)).toRate.map((a) => a.id)).toEqual([ask.id]);

      const { result } = await L.rateAsk(
        demo.member,
        ask.id,
        { overall: 5, quality: 5, comment: '', thanks: { message: 'Fixed in a day!', values: [] } },
        'rate-key-1',
      );
      expect(result.ask.rating).toMatchObject({ overall: 5, quality: 5 });
      expect(result.ask.thankCount).toBe(1);
      expect(result.timeline.map((e) => e.type)).toEqual([
        'created',
        'status',
        'status',
        'reply',
        'status',
        'status',
        'rated',
        'thanked',
      ]);
      expect((await L.inbox(demo.member)).toRate).toEqual([]);
      const thanks = (await L.inbox(priya)).thanks;
      expect(thanks[0]).toMatchObject({ message: 'Fixed in a day!', askId: ask.id });
      const board = await L.leaderboard(demo.manager, {
        period: 'all',
        kind: 'person',
        direction: 'received',
        limit: 5,
      });
      expect(board.rows[0]).toMatchObject({ id: priya.personId, received: 1 });
      await expect(L.rateAsk(demo.member, ask.id, { overall: 1, comment: '' }, 'rate-key-2')).rejects.toMatchObject({
        code: 'already_rated',
      });
    });

    it('refuses illegal transitions (409) and moves that belong to the other side (403)', async () => {
      const { demo, priya, ask } = await payrollAsk();
      const L = demo.ledger;
      await expect(L.transitionAsk(demo.member, ask.id, { status: 'acknowledged' })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await L.transitionAsk(priya, ask.id, { status: 'in_progress' });
      await expect(L.transitionAsk(priya, ask.id, { status: 'acknowledged' })).rejects.toMatchObject({
        code: 'illegal_transition',
      });
      await L.transitionAsk(priya, ask.id, { status: 'declined', reason: 'Payroll cannot change approved hours' });
      await expect(L.transitionAsk(priya, ask.id, { status: 'resolved' })).rejects.toMatchObject({
        code: 'illegal_transition',
      });
      await expect(L.replyToAsk(priya, ask.id, { body: 'more' }, 'late-reply-1')).rejects.toMatchObject({
        code: 'illegal_transition',
      });
      // The requester disagrees and reopens; the department can act again.
      const reopened = await L.transitionAsk(demo.member, ask.id, { status: 'open' });
      expect(reopened.ask).toMatchObject({ status: 'open', resolvedAt: null, declineReason: null });
      expect((await L.askDetail(priya, ask.id)).actions.transitions).toContain('resolved');
    });

    it('asks no rating of someone who resolved their own ask', async () => {
      const { demo, ask } = await payrollAsk();
      await demo.ledger.transitionAsk(demo.member, ask.id, { status: 'resolved' });
      expect((await demo.ledger.inbox(demo.member)).toRate).toEqual([]);
      expect((await demo.ledger.askDetail(demo.member, ask.id)).actions.canRate).toBe(false);
      await expect(
        demo.ledger.rateAsk(demo.member, ask.id, { overall: 5, comment: '' }, 'rate-own-1'),
      ).rejects.toMatchObject({
        code: 'rating_not_applicable',
      });
    });

    it('assigns to department members only, and the assignee finds it', async () => {
      const { demo, priya, ask } = await payrollAsk();
      const tom = await demo.principalOf('Tom Becker');
      const detail = await demo.ledger.assignAsk(priya, ask.id, { assigneeId: tom.personId });
      expect(detail.ask.assignee).toEqual({ id: tom.personId, name: 'Tom Becker' });
      expect((await demo.ledger.inbox(tom)).forMe.map((a) => a.id)).toContain(ask.id);
      await expect(demo.ledger.assignAsk(priya, ask.id, { assigneeId: demo.manager.personId })).rejects.toMatchObject({
        code: 'validation_failed',
        fields: { assigneeId: expect.any(String) },
      });
      await expect(demo.ledger.assignAsk(demo.member, ask.id, { assigneeId: null })).rejects.toMatchObject({
        code: 'forbidden',
      });
    });

    it("searches who may be assigned among the department's members: every typed word, any order, by name", async () => {
      const { demo } = await payrollAsk();
      const sales = await demo.find('Sales');
      const priya = await demo.principalOf('Priya Natarajan');
      const daniel = await demo.principalOf('Daniel Novak');
      const ask = await newAsk(demo.ledger, priya, askTo({ kind: 'department', id: sales.id }, 'A quote'));
      const search = (q: string, limit = 20) => demo.ledger.assignees(daniel, ask.id, { q, limit });
      expect((await search('riv sam')).people).toEqual([
        { id: demo.member.personId, name: 'Sam Rivera', title: 'Account Executive' },
      ]);
      expect((await search('RIVERA')).people.map((p) => p.name)).toEqual(['Sam Rivera']);
      // Only Sales: Priya (Payroll) holds "a" too, and is not offered.
      expect((await search('')).people.map((p) => p.name)).toEqual([
        'Daniel Novak',
        'Emma Laurent',
        'Ravi Kapoor',
        'Sam Rivera',
      ]);
      expect((await search('a', 2)).people.map((p) => p.name)).toEqual(['Daniel Novak', 'Emma Laurent']);
      expect((await search('100%_')).people).toEqual([]);
      expect((await search('sam nobody')).people).toEqual([]);
      // The longest query (80 characters, 40 words) binds under the Durable Object's 100 values.
      const words = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('').concat(['-', '.', ',', '!']);
      expect((await search(words.join(' '))).people).toEqual([]);
    });

    it('lets only whoever may assign the ask search its department: 403 for its requester, 404 for others', async () => {
      const { demo, priya, ask } = await payrollAsk();
      const query = { q: '', limit: 20 };
      expect((await demo.ledger.assignees(priya, ask.id, query)).people.map((p) => p.name)).toEqual([
        'Priya Natarajan',
        'Tom Becker',
      ]);
      await expect(demo.ledger.assignees(demo.member, ask.id, query)).rejects.toMatchObject({ code: 'forbidden' });
      for (const who of [demo.manager, demo.admin, await demo.principalOf('Carlos Mendes')]) {
        await expect(demo.ledger.assignees(who, ask.id, query)).rejects.toMatchObject({ code: 'not_found' });
      }
      await expect(demo.ledger.assignees(priya, 'no-such-ask', query)).rejects.toMatchObject({ code: 'not_found' });
      // A closed ask is assigned no more.
      await demo.ledger.transitionAsk(priya, ask.id, { status: 'resolved' });
      await expect(demo.ledger.assignees(priya, ask.id, query)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('forwards to another department as a hand-off: the new department reads it, the old one no longer does', async () => {
      const { demo, priya, ask } = await payrollAsk();
      const hr = await demo.find('HR');
      const lena = await demo.principalOf('Lena Fischer');
      await demo.ledger.transitionAsk(priya, ask.id, { status: 'acknowledged' });
      const result = await demo.ledger.forwardAsk(priya, ask.id, {
        departmentId: hr.id,
        note: 'Overtime approval is HR',
      });
      expect(result).toEqual({ forwardedTo: { id: hr.id, name: 'HR' } });
      await expect(demo.ledger.askDetail(priya, ask.id)).rejects.toMatchObject({ code: 'not_found' });
      const seen = await demo.ledger.askDetail(lena, ask.id);
      expect(seen.ask).toMatchObject({ status: 'open', to: { name: 'HR' }, assignee: null });
      expect(seen.timeline.find((e) => e.type === 'forwarded')).toMatchObject({
        actor: { name: 'Priya Natarajan' },
        from: { name: 'Payroll' },
        to: { name: 'HR' },
        body: 'Overtime approval is HR',
      });
      expect((await demo.ledger.askDetail(demo.member, ask.id)).ask.to.name).toBe('HR');
      await expect(demo.ledger.forwardAsk(lena, ask.id, { departmentId: hr.id, note: '' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });

    it('answers "not found" to everyone else, for reading and for every command', async () => {
      const { demo, ask } = await payrollAsk();
      const outsiders = [demo.manager, demo.admin, await demo.principalOf('Carlos Mendes')];
      const hr = await demo.find('HR');
      for (const who of outsiders) {
        const attempts = [
          () => demo.ledger.askDetail(who, ask.id),
          () => demo.ledger.transitionAsk(who, ask.id, { status: 'acknowledged' }),
          () => demo.ledger.replyToAsk(who, ask.id, { body: 'hi' }, `out-${who.personId}`),
          () => demo.ledger.assignAsk(who, ask.id, { assigneeId: null }),
          () => demo.ledger.forwardAsk(who, ask.id, { departmentId: hr.id, note: '' }),
          () => demo.ledger.rateAsk(who, ask.id, { overall: 1, comment: '' }, `out-rate-${who.personId}`),
          () => demo.ledger.followAsk(who, ask.id, 'https://elsewhere.example/'),
          () => demo.ledger.assignees(who, ask.id, { q: '', limit: 20 }),
        ];
        for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'not_found' });
      }
      expect((await demo.ledger.askDetail(demo.member, ask.id)).ask.replyCount).toBe(0);
    });

    it('guards against duplicates: same department, same page, still open → follow it instead', async () => {
      const { demo, payroll, ask } = await payrollAsk();
      const emma = await demo.principalOf('Emma Laurent');
      const second = askTo({ kind: 'department', id: payroll.id }, 'My overtime too', { context: page });
      const { result } = await demo.ledger.createAsk(emma, second, 'dup-key-1');
      expect(result).toEqual({
        duplicateOf: {
          id: ask.id,
          to: { id: payroll.id, name: 'Payroll' },
          createdAt: ask.createdAt,
          status: 'open',
          subject: null,
          mine: false,
        },
      });
      await expect(demo.ledger.askDetail(emma, ask.id)).rejects.toMatchObject({ code: 'not_found' });
      const followed = await demo.ledger.followAsk(emma, ask.id, page.url);
      expect(followed.ask.subject).toBe('Overtime missing');
      expect((await demo.ledger.inbox(emma)).sent.map((a) => a.id)).toEqual([ask.id]);
      const insisted = await newAsk(demo.ledger, emma, { ...second, allowDuplicate: true });
      expect(insisted.id).not.toBe(ask.id);
      // The requester's own open ask is theirs to open, not to follow.
      const again = askTo({ kind: 'department', id: payroll.id }, 'Still missing', { context: page });
      const { result: own } = await demo.ledger.createAsk(demo.member, again, 'dup-key-2');
      expect(own).toMatchObject({ duplicateOf: { id: ask.id, subject: 'Overtime missing', mine: true } });
    });

    it("lists the department's open asks in its queue and keeps the sync cheap", async () => {
      const { demo, priya, ask } = await payrollAsk();
      const { queues } = await demo.ledger.queue(priya);
      expect(queues).toHaveLength(1);
      expect(queues[0]).toMatchObject({ department: { name: 'Payroll' }, asks: [{ id: ask.id, importance: 'high' }] });
      const { seq } = await demo.ledger.sync(priya, 0);
      expect(await demo.ledger.sync(priya, seq)).toEqual({ seq, changed: false });
      await demo.ledger.transitionAsk(priya, ask.id, { status: 'resolved' });
      expect((await demo.ledger.queue(priya)).queues[0].asks).toEqual([]);
      expect(await demo.ledger.sync(priya, seq)).toMatchObject({ changed: true, waitingOnMe: 0 });
    });
  });
}
