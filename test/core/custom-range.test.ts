import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/core/context.ts';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { quarterSpan } from '../../server/core/views/quarter-days.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { mulberry32 } from '../../server/setup/random.ts';
import { undoQuarterDays } from '../support/before-quarters.ts';
import { undoValues } from '../support/before-values.ts';

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Nine people in three departments and a manager; `count` public thank-yous on random days from `start`
 * over `days`, to a person (most) or a department, with no value, one or two. Returns what was received
 * on which day: the exact figures every board must match.
 */
function thankedWorld(start: string, days: number, count: number, seed: number) {
  const port = sqlitePort(':memory:');
  let now = new Date(start);
  const ledger = createOrgLedger(port, { now: () => now });
  ledger.init({ id: 'ranges', name: 'Ranges' });
  const values = ['Kindness', 'Craft'].map((v) => ledger.addValue(v).id);
  const standard = { firstResponseHours: 8, resolutionHours: 40 };
  const departments = ['Payroll', 'IT', 'Legal'].map((name) => ledger.addDepartment({ name, offers: [], standard }).id);
  const person = (name: string, departmentIds: string[], role: Principal['role'] = 'member'): Principal => ({
    orgId: 'ranges',
    role,
    personId: ledger.addPerson({ name, email: `${name}@x.example`, title: '', role, departmentIds }).id,
  });
  const people = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy'].map((n, i) =>
    person(n, [departments[i % 3]]),
  );
  const manager = person('mo', [], 'manager');
  const rand = mulberry32(seed);
  const received: { day: string; kind: 'person' | 'department'; id: string; values: string[]; from: Principal }[] = [];
  const t0 = now.getTime();
  for (let i = 0; i < count; i++) {
    now = new Date(t0 + Math.floor(rand() * days) * DAY + Math.floor(rand() * 20) * 3_600_000);
    const from = people[Math.floor(rand() * people.length)];
    const to =
      rand() < 0.2
        ? { kind: 'department' as const, id: departments[Math.floor(rand() * departments.length)] }
        : { kind: 'person' as const, id: people.filter((p) => p !== from)[Math.floor(rand() * 8)].personId };
    const chosen = values.filter(() => rand() < 0.4);
    ledger.createThank(from, { to: [to], message: 'Thanks', values: chosen, visibility: 'public' }, `t${i}`);
    received.push({ day: now.toISOString().slice(0, 10), kind: to.kind, id: to.id, values: chosen, from });
  }
  return { port, ledger, manager, values, departments, people, received, start: t0 };
}

describe('a custom range', () => {
  it('is whole quarters and years and at most two ragged quarters', () => {
    expect(quarterSpan('2026-10-15', '2026-12-20')).toEqual({
      whole: [],
      partial: [{ quarter: '2026-Q4', from: 15, to: 81 }],
    });
    expect(quarterSpan('2026-01-01', '2026-12-31')).toEqual({ whole: [['year', '2026']], partial: [] });
    expect(quarterSpan('2026-10-01', '2026-12-31')).toEqual({ whole: [['quarter', '2026-Q4']], partial: [] });
    expect(quarterSpan('2026-02-03', '2026-02-27')).toEqual({
      whole: [],
      partial: [{ quarter: '2026-Q1', from: 34, to: 58 }],
    });
    // Leap years: 1 March 2028 is the quarter's 61st day.
    expect(quarterSpan('2028-03-01', '2028-03-31').partial).toEqual([{ quarter: '2028-Q1', from: 61, to: 91 }]);
    expect(quarterSpan('2026-03-31', '2026-04-01')).toEqual({
      whole: [],
      partial: [
        { quarter: '2026-Q1', from: 90, to: 90 },
        { quarter: '2026-Q2', from: 1, to: 1 },
      ],
    });
    expect(quarterSpan('2025-11-10', '2027-01-31')).toEqual({
      whole: [['year', '2026']],
      partial: [
        { quarter: '2025-Q4', from: 41, to: 92 },
        { quarter: '2027-Q1', from: 1, to: 31 },
      ],
    });
    expect(quarterSpan('2026-09-15', '2027-06-30')).toEqual({
      whole: [
        ['quarter', '2026-Q4'],
        ['quarter', '2027-Q1'],
        ['quarter', '2027-Q2'],
      ],
      partial: [{ quarter: '2026-Q3', from: 77, to: 92 }],
    });
  });

  it('ranks people and departments by exactly the thanks received on its days, by value and department', () => {
    // Nine months from mid-August: ranges inside one quarter, across two, and across the new year.
    const w = thankedWorld('2026-08-10T10:00:00Z', 270, 900, 11);
    const rand = mulberry32(5);
    const memberOf = new Map(w.people.map((p, i) => [p.personId, w.departments[i % 3]]));
    // Whole quarters and years alone, a ragged quarter beside whole ones, then random ranges.
    const fixed = [
      ['2026-10-01', '2027-03-31'],
      ['2026-07-01', '2026-12-31'],
      ['2026-08-20', '2026-12-31'],
      ['2026-10-01', '2027-02-14'],
      ['2026-01-01', '2026-12-31'],
    ];
    for (let i = 0; i < 85; i++) {
      const a = w.start + Math.floor(rand() * 280) * DAY - 10 * DAY;
      const b = a + Math.floor(rand() * (i % 3 === 0 ? 30 : 150)) * DAY;
      const [from, to] = fixed[i] ?? [isoDay(a), isoDay(b)];
      const kind = i % 4 === 3 ? 'department' : 'person';
      const valueId = i % 5 === 1 ? w.values[i % 2] : undefined;
      const departmentId = kind === 'person' && i % 7 === 2 ? w.departments[1] : undefined;
      const limit = i % 2 ? 3 : 20;
      const want = new Map<string, number>();
      const givers = new Map<string, Set<string>>();
      const reach = new Map<string, Set<string>>();
      const add = (sets: Map<string, Set<string>>, id: string, member: string) =>
        (sets.get(id) ?? sets.set(id, new Set()).get(id))?.add(member);
      for (const r of w.received) {
        if (r.day < from || r.day > to || r.kind !== kind) continue;
        if (valueId && !r.values.includes(valueId)) continue;
        if (departmentId && memberOf.get(r.id) !== departmentId) continue;
        want.set(r.id, (want.get(r.id) ?? 0) + 1);
        add(givers, r.id, r.from.personId);
        add(reach, r.id, memberOf.get(r.from.personId) as string);
      }
      const board = w.ledger.leaderboard(w.manager, {
        period: 'custom',
        from,
        to,
        kind,
        direction: 'received',
        valueId,
        departmentId,
        limit,
      });
      const label = `${kind} ${from}..${to} value ${valueId ?? '-'} department ${departmentId ?? '-'}`;
      // Every row its exact count, and the top `limit` counts (ties at the cut may be any of the tied).
      for (const row of board.rows) {
        expect([row.received, row.distinctGivers, row.reach], `${label} ${row.name}: received, givers, reach`).toEqual([
          want.get(row.id),
          givers.get(row.id)?.size,
          reach.get(row.id)?.size,
        ]);
      }
      const top = [...want.values()].sort((x, y) => y - x).slice(0, limit);
      expect(
        board.rows.map((r) => r.received),
        label,
      ).toEqual(top);
      // Thanks given by people over the same range (to people and departments alike), ties by name.
      const giverIn = i % 7 === 3 ? w.departments[2] : undefined;
      const gave = new Map<string, number>();
      for (const r of w.received) {
        if (r.day < from || r.day > to || (valueId && !r.values.includes(valueId))) continue;
        if (giverIn && memberOf.get(r.from.personId) !== giverIn) continue;
        gave.set(r.from.personId, (gave.get(r.from.personId) ?? 0) + 1);
      }
      const given = w.ledger.leaderboard(w.manager, {
        period: 'custom',
        from,
        to,
        kind: 'person',
        direction: 'given',
        valueId,
        departmentId: giverIn,
        limit,
      });
      expect(
        given.rows.map((r) => r.received),
        `given ${label}`,
      ).toEqual([...gave.values()].sort((x, y) => y - x).slice(0, limit));
      for (const row of given.rows) expect(row.received, `given ${label} ${row.name}`).toBe(gave.get(row.id));
    }
  });

  it('keeps its day rows as views: a replay reproduces them', () => {
    const w = thankedWorld('2026-11-20T10:00:00Z', 120, 300, 7);
    const before = w.ledger.viewsSnapshot();
    expect(before.v_recognition_quarter_days.length).toBeGreaterThan(20);
    w.ledger.rebuildViews();
    expect(w.ledger.viewsSnapshot()).toEqual(before);
  });

  it('comes back the same after a ledger from before quarters derives them from its months (migration 15)', () => {
    // Across a leap February, 30- and 31-day months and a new year.
    const w = thankedWorld('2027-11-05T10:00:00Z', 200, 500, 13);
    const range = { period: 'custom', from: '2027-12-12', to: '2028-03-03', direction: 'received', limit: 20 } as const;
    const before = {
      views: w.ledger.viewsSnapshot(),
      people: w.ledger.leaderboard(w.manager, { ...range, kind: 'person' }),
      departments: w.ledger.leaderboard(w.manager, { ...range, kind: 'department' }),
    };
    undoQuarterDays(w.port);
    undoValues(w.port);
    w.port.run('DELETE FROM schema_migrations WHERE version >= 15');
    const reopened = createOrgLedger(w.port);
    expect(reopened.viewsSnapshot()).toEqual(before.views);
    expect(reopened.leaderboard(w.manager, { ...range, kind: 'person' })).toEqual(before.people);
    expect(reopened.leaderboard(w.manager, { ...range, kind: 'department' })).toEqual(before.departments);
    expect(before.people.rows.length).toBeGreaterThan(5);
  });
});
