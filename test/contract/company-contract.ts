import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledgers } from '../../server/core/remote.ts';
import type { LeaderboardQuery } from '../../shared/leaderboard.ts';
import { companyRow, companySize, seededCompany } from '../support/company.ts';

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * A real company's size, whatever runs the ledger: 1,000 people, 40 departments, every managers' query
 * at its widest parameters and every list at its page cap. Both ports refuse a statement binding more
 * than 100 values (the Durable Object's limit), so anything that grows with the organisation shows here.
 */
export function companyContract(runtime: string, makeLedgers: () => Ledgers) {
  describe(`a company of ${companySize.people} people (${runtime})`, () => {
    let c: Awaited<ReturnType<typeof seededCompany>>;
    beforeAll(async () => {
      c = await seededCompany(makeLedgers());
    }, 600_000);
    // The widest custom range allowed (three years) with ragged first and last months: the most buckets.
    const now = Date.now();
    const custom = { period: 'custom', from: isoDay(now - 3 * 365 * DAY + 3 * DAY), to: isoDay(now + DAY) } as const;
    // Most of this quarter, short of one end: ranked by its bound (views/range-top.ts), in batches past 1,000 rows.
    const today = new Date(now);
    const q0 = Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1);
    const qEnd = Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 + 3, 1) - DAY;
    const inQuarter =
      isoDay(now) === isoDay(qEnd)
        ? ({ period: 'custom', from: isoDay(q0 + DAY), to: isoDay(qEnd) } as const)
        : ({ period: 'custom', from: isoDay(q0), to: isoDay(qEnd - DAY) } as const);
    const periods = [
      { period: 'week' },
      { period: 'month' },
      { period: 'quarter' },
      { period: 'year' },
      { period: 'all' },
      custom,
      inQuarter,
    ] as const;

    it('imports everyone from one HR export', async () => {
      expect(c.imported).toEqual({
        created: 1000,
        updated: 0,
        departmentsCreated: 40,
        deactivated: 0,
        deactivatedPeople: [],
      });
    });

    it('ranks 100 people in every period, with distinct givers, by department and by value', async () => {
      const { ledger, manager, servers, values, departmentOf } = c;
      for (const p of periods) {
        const q: LeaderboardQuery = { ...p, kind: 'person', direction: 'received', limit: 100 };
        const board = await ledger.leaderboard(manager, q);
        expect(board.rows, p.period).toHaveLength(100);
        // The ten in the wide thank-you were thanked twice, by two people.
        const top = new Set(servers.slice(0, 10).map((s) => s.personId));
        expect(board.rows.slice(0, 10).every((r) => top.has(r.id) && r.received === 2 && r.distinctGivers === 2)).toBe(
          true,
        );
        expect(board.rows[10]).toMatchObject({ received: 1, distinctGivers: 1, reach: 1 });
        const byDept = await ledger.leaderboard(manager, { ...q, departmentId: departmentOf(5) });
        expect(byDept.rows.map((r) => r.id)).toContain(servers[5].personId);
        expect(byDept.rows.length).toBeLessThanOrEqual(25);
        const byValue = await ledger.leaderboard(manager, { ...q, valueId: values[0] });
        expect(byValue.rows.length).toBeGreaterThan(20);
        const departments = await ledger.leaderboard(manager, { ...q, kind: 'department' });
        expect(departments.rows).toHaveLength(40);
        expect(departments.rows.every((r) => (r.asksServed ?? 0) > 0)).toBe(true);
        // 121 people gave a thank-you: the 120 requesters and the one who thanked ten at once.
        const given = await ledger.leaderboard(manager, { ...q, direction: 'given' });
        expect(given.rows).toHaveLength(100);
      }
    });

    it('finds the unsung among 150 helpers in every period', async () => {
      const { ledger, manager, servers } = c;
      const unthanked = new Set(servers.slice(companySize.thanked).map((s) => s.personId));
      for (const p of periods) {
        const { rows } = await ledger.unsung(manager, p);
        expect(rows, p.period).toHaveLength(10);
        expect(rows.every((r) => unthanked.has(r.id) && r.asksServed === 3 && r.thanks === 0)).toBe(true);
      }
    });

    it('reports service, hand-offs, 104 weeks of trends and the digest across 40 departments', async () => {
      const { ledger, manager, asks, departmentOf } = c;
      const now = Date.now();
      for (const p of periods) {
        const service = await ledger.service(manager, p);
        expect(service.departments).toHaveLength(40);
        const handoffs = await ledger.handoffs(manager, p);
        expect(handoffs.departments).toHaveLength(40);
        if (p.period !== 'week') expect(service.organisation.received, p.period).toBe(asks);
        if (p.period !== 'week') expect(handoffs.cells.length).toBeGreaterThanOrEqual(40);
      }
      const trends = await ledger.trends(manager, { weeks: 104 });
      expect(trends.weeks).toHaveLength(104);
      expect(trends.weeks.reduce((n, w) => n + w.received, 0)).toBe(asks);
      const dept = await ledger.trends(manager, { weeks: 104, departmentId: departmentOf(1) });
      expect(dept.weeks.reduce((n, w) => n + w.received, 0)).toBeGreaterThan(60);
      // The digest of the week the company's activity fell in.
      const digest = await ledger.digest(manager, { at: isoDay(now + 7 * DAY) });
      expect(digest.topPeople).toHaveLength(5);
      expect(digest.totals.asksReceived).toBe(asks);
    });

    it('fills every list to its page cap', async () => {
      const { ledger, admin, busy, member } = c;
      expect((await ledger.listPeople(admin, '', true, 200)).people).toHaveLength(200);
      expect((await ledger.listPeople(admin, 'person', false, 200)).people).toHaveLength(200);
      expect((await ledger.directory(busy, { q: '', limit: 50 })).entries).toHaveLength(50);
      expect((await ledger.directory(busy, { q: 'pers', limit: 50 })).entries).toHaveLength(50);
      expect((await ledger.events(admin, { after: 0, limit: 500 })).events).toHaveLength(500);
      const inbox = await ledger.inbox(busy);
      expect(inbox.sent).toHaveLength(50);
      const queue = await ledger.queue(await member(1));
      expect(queue.queues[0].asks.length).toBeGreaterThanOrEqual(50);
      expect((await ledger.sync(await member(1), 0)).waitingOnMe).toBeGreaterThanOrEqual(60);
    });

    it("keeps an ask's detail the same size however big its department; its members are searched a page at a time", async () => {
      const { ledger, busy, member } = c;
      const server = await member(1);
      const askId = (await ledger.queue(server)).queues[0].asks[0].id;
      const asServer = JSON.stringify(await ledger.askDetail(server, askId));
      const asRequester = JSON.stringify(await ledger.askDetail(busy, askId));
      // The server's view is the requester's and a few more actions: none of the department's 25 members.
      expect(asServer).not.toContain('Person 0041');
      expect(asServer.length - asRequester.length).toBeLessThan(200);
      expect((await ledger.assignees(server, askId, { q: '', limit: 50 })).people).toHaveLength(25);
      const page = await ledger.assignees(server, askId, { q: 'person', limit: 10 });
      expect(page.people.map((p) => p.name)).toEqual(
        [1, 41, 81, 121, 161, 201, 241, 281, 321, 361].map((i) => `Person ${String(i).padStart(4, '0')}`),
      );
      const found = await ledger.assignees(server, askId, { q: '41 PERSON', limit: 50 });
      expect(found.people.map((p) => p.name)).toEqual([
        'Person 0041',
        'Person 0241',
        'Person 0441',
        'Person 0641',
        'Person 0841',
      ]);
    });

    it('rebuilds every view of the whole company from its event log, row for row', async () => {
      const { ledger } = c;
      const before = await ledger.viewsSnapshot();
      expect(before.v_recognition.length).toBeGreaterThan(1000);
      await ledger.rebuildViews();
      expect(await ledger.viewsSnapshot()).toEqual(before);
    });

    // Last: it deactivates people the tests above use.
    it('deactivates the 400 people a later export leaves out, previewed first, never the admin importing', async () => {
      const { ledger, admin } = c;
      const rows = Array.from({ length: 600 }, (_, i) => companyRow(i));
      const leaving = await c.member(700);
      const code = { personId: leaving.personId, codeHash: `hash-${c.orgId}`, expiresAt: '2100-01-01T00:00:00.000Z' };
      await ledger.issueSignInCode({ ...code, reusable: false });
      await ledger.redeemSignInCode(code.codeHash, { hash: `token-${c.orgId}`, label: 'test' });
      expect(await ledger.authenticate(`token-${c.orgId}`)).toMatchObject({ personId: leaving.personId });

      const preview = await ledger.importPeople(admin, rows, { deactivateMissing: true, dryRun: true });
      expect(preview).toMatchObject({ created: 0, updated: 600, deactivated: 400 });
      expect(preview.deactivatedPeople).toHaveLength(20);
      expect(preview.deactivatedPeople[0].name).toBe('Person 0600');
      expect(await ledger.personByEmail({ email: companyRow(700).email, name: '' }, false)).not.toBeNull();

      const done = await ledger.importPeople(admin, rows, { deactivateMissing: true, dryRun: false });
      expect(done).toEqual(preview);
      expect(await ledger.personByEmail({ email: companyRow(700).email, name: '' }, false)).toBeNull();
      expect(await ledger.personByEmail({ email: companyRow(599).email, name: '' }, false)).not.toBeNull();
      expect(await ledger.authenticate(`token-${c.orgId}`)).toBeNull();
      expect(await ledger.me(admin)).toMatchObject({ person: { active: true } });
    });
  });
}
