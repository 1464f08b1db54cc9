import type { LedgerContext } from '../context.ts';
import type { SqlValue } from '../sql.ts';
import { type Grain, tile } from './buckets.ts';
import { inBucketList } from './range.ts';

/*
 * Thanks received by a person or department through each day of a quarter, as running totals (d1…d92):
 * days k1…k2 of a quarter are d{k2} − d{k1−1}, one row per subject however many days that is. A custom
 * range is read as whole quarters and years from v_recognition plus at most two ragged quarters from
 * here: a range inside one quarter (15 Oct – 20 Dec) is one row per person active in that quarter, so
 * its cost stops growing once everyone is active, where ragged months and the whole months between
 * them were a row per person for each month (twice as many rows at 1M exchanges as at 100k).
 * 4 keys and 92 days: a Durable Object's table has at most 100 columns.
 */
export const days = Array.from({ length: 92 }, (_, i) => i + 1);

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const quarterStart = (y: number, m: number) => Date.UTC(y, Math.floor((m - 1) / 3) * 3, 1);
/** The quarter of (year, month 1-based), and the instant its first day starts. */
const quarterOf = (y: number, m: number) => ({
  key: `${y}-Q${Math.floor((m - 1) / 3) + 1}`,
  start: quarterStart(y, m),
});
const parse = (iso: string) => iso.split('-').map(Number) as [number, number, number];
/** A date's day within its quarter, 1-based. */
const dayOfQuarter = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - quarterStart(y, m)) / DAY + 1;

/** Counts one thank-you received on `at`'s day (UTC): that day's running total and every later day's. */
export function addReceivedOnDay(
  ctx: LedgerContext,
  key: { kind: string; value_id: string; subject_id: string },
  at: Date,
): void {
  const [y, m] = [at.getUTCFullYear(), at.getUTCMonth() + 1];
  const later = days.filter((d) => d >= dayOfQuarter(y, m, at.getUTCDate()));
  ctx.sql.run(
    `INSERT INTO v_recognition_quarter_days (quarter, kind, value_id, subject_id, ${later.map((d) => `d${d}`).join(', ')})
     VALUES (?, ?, ?, ?, ${later.map(() => '1').join(', ')})
     ON CONFLICT (quarter, kind, value_id, subject_id) DO UPDATE SET ${later.map((d) => `d${d} = d${d} + 1`).join(', ')}`,
    quarterOf(y, m).key,
    key.kind,
    key.value_id,
    key.subject_id,
  );
}

/** A custom range: the whole buckets inside it, and its ragged quarters (days `from`…`to` of `quarter`). */
export interface QuarterSpan {
  whole: [Grain, string][];
  partial: { quarter: string; from: number; to: number }[];
}

/** [from, to] (dates, inclusive) as whole quarters and years, and at most two ragged quarters. */
export function quarterSpan(from: string, to: string): QuarterSpan {
  const [fy, fm, fd] = parse(from);
  const [ty, tm, td] = parse(to);
  const first = quarterOf(fy, fm);
  const last = quarterOf(ty, tm);
  const startsWhole = dayOfQuarter(fy, fm, fd) === 1;
  const lastEnd = Date.UTC(ty, Math.floor((tm - 1) / 3) * 3 + 3, 1) - DAY; // the last day of to's quarter
  const endsWhole = Date.UTC(ty, tm - 1, td) === lastEnd;
  if (first.key === last.key && !(startsWhole && endsWhole)) {
    const [a, b] = [dayOfQuarter(fy, fm, fd), dayOfQuarter(ty, tm, td)];
    return { whole: [], partial: a <= b ? [{ quarter: first.key, from: a, to: b }] : [] };
  }
  const partial: QuarterSpan['partial'] = [];
  let wholeFrom = from;
  let wholeTo = to;
  if (!startsWhole) {
    const next = Date.UTC(fy, Math.floor((fm - 1) / 3) * 3 + 3, 1);
    partial.push({ quarter: first.key, from: dayOfQuarter(fy, fm, fd), to: (next - first.start) / DAY });
    wholeFrom = isoDay(next);
  }
  if (!endsWhole) {
    partial.push({ quarter: last.key, from: 1, to: dayOfQuarter(ty, tm, td) });
    wholeTo = isoDay(last.start - DAY);
  }
  return { whole: wholeFrom <= wholeTo ? tile(wholeFrom, wholeTo) : [], partial };
}

/**
 * Rows (id, n) of thanks received by subjects of `kind` over a span, to be summed by id unless `unique`
 * (one part of one bucket: a row per subject already). `where` (on alias t, with its parameters)
 * narrows every part alike.
 */
export function receivedInSpan(
  span: QuarterSpan,
  kind: string,
  value: string,
  where = '',
  whereParams: SqlValue[] = [],
): { sql: string; params: SqlValue[]; unique: boolean } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (span.whole.length) {
    const whole = inBucketList(span.whole);
    parts.push(
      `SELECT t.subject_id AS id, t.received AS n FROM v_recognition t
       WHERE ${whole.where} AND t.kind = ? AND t.value_id = ?${where}`,
    );
    params.push(...whole.params, kind, value, ...whereParams);
  }
  for (const p of span.partial) {
    const before = p.from === 1 ? '0' : `t.d${p.from - 1}`;
    parts.push(
      `SELECT t.subject_id AS id, t.d${p.to} - ${before} AS n FROM v_recognition_quarter_days t
       WHERE t.quarter = ? AND t.kind = ? AND t.value_id = ?${where}`,
    );
    params.push(p.quarter, kind, value, ...whereParams);
  }
  if (!parts.length) return { sql: 'SELECT NULL AS id, 0 AS n WHERE 0', params: [], unique: true };
  return { sql: parts.join(' UNION ALL '), params, unique: parts.length === 1 && span.whole.length <= 1 };
}

/** Day k of a quarter ('2026-Q4'), as an ISO date: a day bucket. */
function dayIn(quarter: string, k: number): string {
  const [y, n] = quarter.split('-Q').map(Number);
  return isoDay(Date.UTC(y, (n - 1) * 3, 1) + (k - 1) * DAY);
}

/**
 * Rows (id, m) of the members of a set view (givers, their departments) of a few subjects over a span,
 * to be counted distinct by id: sets do not add up, unions do. Whole buckets are one row per member
 * each; a ragged quarter reads its day rows through the view's index by subject and day (migration 15),
 * a seek per subject instead of one per subject and tile (20 tiles for 15 Oct – 20 Dec).
 */
export function membersInSpan(
  span: QuarterSpan,
  table: 'v_recognition_givers' | 'v_recognition_reach',
  member: 'giver_id' | 'department_id',
  kind: string,
  value: string,
  ids: string,
): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (span.whole.length) {
    const whole = inBucketList(span.whole);
    parts.push(
      `SELECT t.subject_id AS id, t.${member} AS m FROM ${table} t
       WHERE ${whole.where} AND t.kind = ? AND t.value_id = ? AND t.subject_id IN (SELECT value FROM json_each(?))`,
    );
    params.push(...whole.params, kind, value, ids);
  }
  for (const p of span.partial) {
    parts.push(
      `SELECT t.subject_id AS id, t.${member} AS m FROM json_each(?) s CROSS JOIN ${table} t INDEXED BY ${table}_days
       WHERE t.grain = 'day' AND t.kind = ? AND t.value_id = ? AND t.subject_id = s.value AND t.bucket BETWEEN ? AND ?`,
    );
    params.push(ids, kind, value, dayIn(p.quarter, p.from), dayIn(p.quarter, p.to));
  }
  if (!parts.length) return { sql: 'SELECT NULL AS id, NULL AS m WHERE 0', params: [] };
  return { sql: parts.join(' UNION ALL '), params };
}

/** Month offsets within a quarter: Feb, May, Aug, Nov start 30 or 31 days in; Mar, Jun, Sep, Dec 59 to 62. */
const offsets = [0, 30, 31, 59, 60, 61, 62];
/** Day k of the quarter from a month row starting `off` days in: past it, its total (c31); in it, c{k−off}. */
const fromMonth = (k: number, off: number) => (k - off >= 31 ? 'c31' : k - off >= 1 ? `c${k - off}` : '0');

/**
 * Migration 15: the quarters' running totals from the months' (migration 10's v_recognition_days, whose
 * c{d} past a month's last day hold its total): the same rows the projection writes, without a replay.
 * And the set views' day rows by subject and day, for a ragged quarter's distinct givers and reach.
 */
export const quarterDaysMigration = `
  CREATE TABLE v_recognition_quarter_days (
    quarter TEXT NOT NULL, kind TEXT NOT NULL, value_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    ${days.map((k) => `d${k} INTEGER NOT NULL DEFAULT 0`).join(', ')},
    PRIMARY KEY (quarter, kind, value_id, subject_id)) WITHOUT ROWID;
  INSERT INTO v_recognition_quarter_days (quarter, kind, value_id, subject_id, ${days.map((k) => `d${k}`).join(', ')})
    SELECT quarter, kind, value_id, subject_id,
      ${days.map((k) => `SUM(CASE off ${offsets.map((o) => `WHEN ${o} THEN ${fromMonth(k, o)}`).join(' ')} END)`).join(',\n      ')}
    FROM (SELECT *, substr(month, 1, 4) || '-Q' || ((CAST(substr(month, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
        CAST(julianday(month || '-01')
          - julianday(date(month || '-01', '-' || ((CAST(substr(month, 6, 2) AS INTEGER) - 1) % 3) || ' months')) AS INTEGER) AS off
      FROM v_recognition_days)
    GROUP BY quarter, kind, value_id, subject_id;
  DROP TABLE v_recognition_days;
  CREATE INDEX v_recognition_givers_days ON v_recognition_givers(kind, value_id, subject_id, bucket) WHERE grain = 'day';
  CREATE INDEX v_recognition_reach_days ON v_recognition_reach(kind, value_id, subject_id, bucket) WHERE grain = 'day';
  `;

/** Migration 23: the quarters' rows by their total (d92, the last day), for the bound of range-top.ts. */
export const rangeTopMigration =
  'CREATE INDEX v_recognition_quarter_days_total ON v_recognition_quarter_days(quarter, kind, value_id, d92)';
