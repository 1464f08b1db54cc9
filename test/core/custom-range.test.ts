import { describe, expect, it } from 'vitest';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { monthSpan } from '../../server/core/views/month-days.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { mulberry32 } from '../../server/setup/random.ts';

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('a custom range', () => {
  it('is whole buckets and at most two ragged months', () => {
    expect(monthSpan('2026-10-15', '2026-12-20')).toEqual({
      whole: [['month', '2026-11']],
      partial: [
        { month: '2026-10', from: 15, to: 31 },
        { month: '2026-12', from: 1, to: 20 },
      ],
    });
    expect(monthSpan('2026-01-01', '2026-12-31')).toEqual({ whole: [['year', '2026']], partial: [] });
    expect(monthSpan('2026-02-03', '2026-02-27')).toEqual({
      whole: [],
      partial: [{ month: '2026-02', from: 3, to: 27 }],
    });
    expect(monthSpan('2026-02-01', '2026-02-28')).toEqual({ whole: [['month', '2026-02']], partial: [] });
    expect(monthSpan('2026-03-31', '2026-04-01')).toEqual({
      whole: [],
      partial: [
        { month: '2026-03', from: 31, to: 31 },
        { month: '2026-04', from: 1, to: 1 },
      ],
    });
    expect(monthSpan('2025-11-10', '2027-01-31').whole).toEqual([
      ['month', '2025-12'],
      ['year', '2026'],
      ['month', '2027-01'],
    ]);
  });

  it('ranks people by exactly the thanks they received on its days, for any range', () => {
    let now = new Date('2026-09-01T10:00:00Z');
    const ledger = createOrgLedger(sqlitePort(':memory:'), { now: () => now });
    ledger.init({ id: 'ranges', name: 'Ranges' });
    const person = (name: string, role: 'member' | 'manager' = 'member') => ({
      orgId: 'ranges',
      role,
      personId: ledger.addPerson({ name, email: `${name}@x.example`, title: '', role, departmentIds: [] }).id,
    });
    const people = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay'].map((n) => person(n));
    const manager = person('mo', 'manager');
    const rand = mulberry32(11);
    const received: { day: string; to: string }[] = [];
    // Six months of thank-yous on random days, some days several.
    const start = now.getTime();
    for (let i = 0; i < 400; i++) {
      now = new Date(start + Math.floor(rand() * 180) * DAY + Math.floor(rand() * 20) * 3_600_000);
      const from = people[Math.floor(rand() * people.length)];
      const to = people.filter((p) => p !== from)[Math.floor(rand() * (people.length - 1))];
      ledger.createThank(
        from,
        { to: [{ kind: 'person', id: to.personId }], message: 'Thanks', values: [], visibility: 'public' },
        `t${i}`,
      );
      received.push({ day: now.toISOString().slice(0, 10), to: to.personId });
    }
    for (let i = 0; i < 60; i++) {
      const a = start + Math.floor(rand() * 200) * DAY - 10 * DAY;
      const b = a + Math.floor(rand() * (i % 3 === 0 ? 20 : 120)) * DAY;
      const [from, to] = [isoDay(a), isoDay(b)];
      const want = new Map<string, number>();
      for (const r of received) if (r.day >= from && r.day <= to) want.set(r.to, (want.get(r.to) ?? 0) + 1);
      const board = ledger.leaderboard(manager, {
        period: 'custom',
        from,
        to,
        kind: 'person',
        direction: 'received',
        limit: 20,
      });
      expect(new Map(board.rows.map((r) => [r.id, r.received])), `${from}..${to}`).toEqual(want);
    }
    // The day rows are views like the others: a replay reproduces them.
    const before = ledger.viewsSnapshot();
    expect(before.v_recognition_days.length).toBeGreaterThan(20);
    ledger.rebuildViews();
    expect(ledger.viewsSnapshot()).toEqual(before);
  });
});
