import type { LedgerContext } from '../context.ts';
import type { SqlValue } from '../sql.ts';
import { type Grain, tile } from './buckets.ts';
import { inBucketList } from './range.ts';

/*
 * Thanks received by a person or department through each day of a month, as running totals (c1…c31):
 * days d1…d2 of a month are c{d2} − c{d1−1}, one row per subject however many days that is. A custom
 * range is read as whole years, quarters and months from v_recognition plus at most two ragged months
 * from here, so it costs a few rows per person instead of a row per person and day or week.
 */
export const days = Array.from({ length: 31 }, (_, i) => i + 1);

/** Counts one thank-you received on `at`'s day (UTC): that day's running total and every later day's. */
export function addReceivedOnDay(
  ctx: LedgerContext,
  key: { kind: string; value_id: string; subject_id: string },
  at: Date,
): void {
  const later = days.filter((d) => d >= at.getUTCDate());
  ctx.sql.run(
    `INSERT INTO v_recognition_days (month, kind, value_id, subject_id, ${later.map((d) => `c${d}`).join(', ')})
     VALUES (?, ?, ?, ?, ${later.map(() => '1').join(', ')})
     ON CONFLICT (month, kind, value_id, subject_id) DO UPDATE SET ${later.map((d) => `c${d} = c${d} + 1`).join(', ')}`,
    at.toISOString().slice(0, 7),
    key.kind,
    key.value_id,
    key.subject_id,
  );
}

/** A custom range: the whole buckets inside it, and its ragged months (days `from`…`to` of `month`). */
export interface MonthSpan {
  whole: [Grain, string][];
  partial: { month: string; from: number; to: number }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (y: number, m: number) => `${y}-${pad(m)}`;
/** The last day of month `m` (1-based). */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** [from, to] (dates, inclusive) as whole years, quarters and months, and at most two ragged months. */
export function monthSpan(from: string, to: string): MonthSpan {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fy === ty && fm === tm && !(fd === 1 && td === lastDay(ty, tm))) {
    return { whole: [], partial: fd <= td ? [{ month: monthKey(fy, fm), from: fd, to: td }] : [] };
  }
  const partial: MonthSpan['partial'] = [];
  let wholeFrom = from;
  let wholeTo = to;
  if (fd !== 1) {
    partial.push({ month: monthKey(fy, fm), from: fd, to: lastDay(fy, fm) });
    wholeFrom = isoDay(Date.UTC(fy, fm, 1)); // the first day of the next month
  }
  if (td !== lastDay(ty, tm)) {
    partial.push({ month: monthKey(ty, tm), from: 1, to: td });
    wholeTo = isoDay(Date.UTC(ty, tm - 1, 0)); // the last day of the month before
  }
  return { whole: wholeFrom <= wholeTo ? tile(wholeFrom, wholeTo) : [], partial };
}

/**
 * Rows (id, n) of thanks received by subjects of `kind` over a span, to be summed by id. `where`
 * (on alias t, with its parameters) narrows every part alike.
 */
export function receivedInSpan(
  span: MonthSpan,
  kind: string,
  value: string,
  where = '',
  whereParams: SqlValue[] = [],
): { sql: string; params: SqlValue[] } {
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
    const before = p.from === 1 ? '0' : `t.c${p.from - 1}`;
    parts.push(
      `SELECT t.subject_id AS id, t.c${p.to} - ${before} AS n FROM v_recognition_days t
       WHERE t.month = ? AND t.kind = ? AND t.value_id = ?${where}`,
    );
    params.push(p.month, kind, value, ...whereParams);
  }
  if (!parts.length) return { sql: 'SELECT NULL AS id, 0 AS n WHERE 0', params: [] };
  return { sql: parts.join(' UNION ALL '), params };
}
