import { describe, expect, it } from 'vitest';
import type { LedgerContext } from '../../server/core/context.ts';
import { createOrgLedger } from '../../server/core/ledger.ts';
import type { SqlPort } from '../../server/core/sql.ts';
import { days } from '../../server/core/views/quarter-days.ts';
import { topInQuarterDays } from '../../server/core/views/range-top.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { mulberry32 } from '../../server/setup/random.ts';

/** One quarter's rows as the views keep them (running totals), from each person's thanks per day. */
function quarterOf(perDay: Map<string, number[]>) {
  const port = sqlitePort(':memory:');
  createOrgLedger(port).init({ id: 'top', name: 'Top' });
  for (const [id, counts] of perDay) {
    let total = 0;
    const running = counts.map((c) => (total += c));
    port.run(
      `INSERT INTO v_recognition_quarter_days (quarter, kind, value_id, subject_id, ${days.map((d) => `d${d}`).join(', ')})
       VALUES (?, 'person', '', ?, ${days.map(() => '?').join(', ')})`,
      '2026-Q4',
      id,
      ...running,
    );
  }
  return { port, perDay };
}

const idOf = (i: number) => `p${String(i).padStart(4, '0')}`;

/** 3,000 people through one quarter, a few busy and most quiet, many tied. */
function quarter(seed: number) {
  const rand = mulberry32(seed);
  const perDay = new Map<string, number[]>();
  for (let i = 0; i < 3_000; i++) {
    const rate = rand() < 0.05 ? 2 + rand() * 3 : rand() * 0.3; // thanks a day
    perDay.set(
      idOf(i),
      days.map(() => Math.floor(rand() * rate * 2)),
    );
  }
  return quarterOf(perDay);
}

/** Everyone's quarter total 10: half of them thanked only inside days 20…80, half only outside. */
function allTied() {
  const perDay = new Map<string, number[]>();
  for (let i = 0; i < 1_000; i++) {
    const inside = i % 2 === 0;
    perDay.set(
      idOf(i),
      days.map((d) => ((inside ? d >= 20 && d < 30 : d < 10) ? 1 : 0)),
    );
  }
  return quarterOf(perDay);
}

const top = (perDay: Map<string, number[]>, from: number, to: number, limit: number, keep = (_: string) => true) =>
  [...perDay]
    .filter(([id]) => keep(id))
    .map(([id, counts]) => ({ id, received: counts.slice(from - 1, to).reduce((a, b) => a + b, 0) }))
    .filter((r) => r.received > 0)
    .sort((a, b) => b.received - a.received || (a.id < b.id ? -1 : 1))
    .slice(0, limit);

/** The port, counting the rows its reads return. */
function counting(port: SqlPort) {
  const seen = { rows: 0 };
  const sql: SqlPort = {
    ...port,
    all: <T>(s: string, ...p: Parameters<SqlPort['all']>[1][]) => {
      const rows = port.all<T>(s, ...p);
      seen.rows += rows.length;
      return rows;
    },
  };
  const ctx: LedgerContext = { sql, now: () => new Date('2026-12-31T12:00:00Z'), newId: (x) => x };
  return { ctx, seen };
}

describe('the top of a range inside one quarter, by its bound', () => {
  it('ranks exactly as every row would (ties by id), reading a part of the rows for long ranges', () => {
    const { port, perDay } = quarter(3);
    const { ctx, seen } = counting(port);
    const rand = mulberry32(9);
    let bounded = 0;
    for (let i = 0; i < 60; i++) {
      const from = 1 + Math.floor(rand() * 40);
      const to = Math.min(92, from + 30 + Math.floor(rand() * 60));
      const limit = [1, 3, 20, 100][i % 4];
      const want = top(perDay, from, to, limit);
      seen.rows = 0;
      const got = topInQuarterDays(ctx, { quarter: '2026-Q4', from, to }, 'person', '', '', [], limit);
      if (!got) continue;
      bounded++;
      expect(got, `days ${from}..${to}, top ${limit}`).toEqual(want);
      expect(seen.rows, `days ${from}..${to}, top ${limit}: rows read`).toBeLessThan(1_000);
    }
    // Long ranges close early: most of these never needed the full ranking.
    expect(bounded).toBeGreaterThan(50);
  });

  it('reads on through a tie at the last place: an equal total may still win on its id', () => {
    const { port, perDay } = allTied();
    const { ctx } = counting(port);
    for (const limit of [1, 20, 100]) {
      const want = top(perDay, 20, 80, limit);
      expect(want.at(-1)?.id).toBe(idOf(2 * (limit - 1)));
      expect(topInQuarterDays(ctx, { quarter: '2026-Q4', from: 20, to: 80 }, 'person', '', '', [], limit)).toEqual(
        want,
      );
    }
  });

  it('keeps its filter, and leaves short ranges to the full ranking', () => {
    const { port, perDay } = quarter(4);
    const { ctx } = counting(port);
    const odd = ' AND CAST(substr(t.subject_id, 2) AS INTEGER) % 2 = ?';
    const got = topInQuarterDays(ctx, { quarter: '2026-Q4', from: 1, to: 92 }, 'person', '', odd, [1], 20);
    const want = top(perDay, 1, 92, 20, (id) => Number(id.slice(1)) % 2 === 1);
    expect(got).toEqual(want);
    expect(topInQuarterDays(ctx, { quarter: '2026-Q4', from: 10, to: 16 }, 'person', '', '', [], 20)).toBeNull();
    // Nobody thanked in another quarter: an empty top, not the full ranking.
    expect(topInQuarterDays(ctx, { quarter: '2027-Q1', from: 1, to: 60 }, 'person', '', '', [], 20)).toEqual([]);
  });
});
