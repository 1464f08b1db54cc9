import type { LedgerContext } from '../context.ts';
import type { SqlValue } from '../sql.ts';

/*
 * The top subjects of a range inside one quarter, without reading every subject's row. A subject's
 * thanks over days k1…k2 are at most its quarter's total (the running totals never fall), so rows read
 * in descending order of that total, through its index, can stop once the next total is below the
 * last place's count: the same rows, in the same order, as ranking every row (32,841 rows for 50,000
 * people in Q4). The bound is tight for a long range (most of a quarter) and loose for a short one (a
 * week's top counts sit far below quarter totals), so short ranges, and reads that do not close within
 * a few batches, are left to the full ranking.
 */

/** Below this share of a quarter's 92 days the bound rarely closes early: the full ranking is cheaper. */
const minShare = 1 / 3;
/** Rows read before giving up on the bound: a few batches, a small part of the full ranking's cost. */
const maxRows = 2_000;

export interface QuarterDays {
  quarter: string;
  from: number;
  to: number;
}

/**
 * The `limit` subjects with most thanks received over days `from`…`to` of `quarter` (more than none;
 * ties by id), exactly as ranking every row would give them, or null when the bound would not pay:
 * the caller ranks every row. `where` (on alias t, with its parameters) narrows the rows read.
 */
export function topInQuarterDays(
  ctx: LedgerContext,
  p: QuarterDays,
  kind: string,
  value: string,
  where: string,
  whereParams: SqlValue[],
  limit: number,
): { id: string; received: number }[] | null {
  if ((p.to - p.from + 1) / 92 < minShare) return null;
  const before = p.from === 1 ? '0' : `t.d${p.from - 1}`;
  const batch = Math.max(100, limit * 4);
  // Backwards through the index: totals descending (ties by id descending), resumed after the last row read.
  const read = (after: [number, string] | null) =>
    ctx.sql.all<{ id: string; n: number; total: number }>(
      `SELECT t.subject_id AS id, t.d${p.to} - ${before} AS n, t.d92 AS total
       FROM v_recognition_quarter_days t INDEXED BY v_recognition_quarter_days_total
       WHERE t.quarter = ? AND t.kind = ? AND t.value_id = ?${after ? ' AND (t.d92, t.subject_id) < (?, ?)' : ''}${where}
       ORDER BY t.d92 DESC, t.subject_id DESC LIMIT ?`,
      p.quarter,
      kind,
      value,
      ...(after ?? []),
      ...whereParams,
      batch,
    );
  let top: { id: string; received: number }[] = [];
  let after: [number, string] | null = null;
  for (let scanned = 0; scanned < maxRows; ) {
    const rows = read(after);
    scanned += rows.length;
    for (const row of rows) if (row.n > 0) top.push({ id: row.id, received: row.n });
    top = top.sort((a, b) => b.received - a.received || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, limit);
    const last = rows.at(-1);
    // Done when no row is left, or none left can reach the last place (equal could still win on its id).
    if (!last || rows.length < batch) return top;
    if (top.length === limit && last.total < top[limit - 1].received) return top;
    after = [last.total, last.id];
  }
  return null;
}
