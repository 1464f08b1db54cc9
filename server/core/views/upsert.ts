import type { LedgerContext } from '../context.ts';
import type { SqlValue } from '../sql.ts';
import { bucketsAt } from './buckets.ts';

/*
 * The projection's two writes, each one statement for every grain's bucket at once: add to counters,
 * and add members to distinct sets (answering the grains where the member is new). Durations: durations.ts.
 */

const placeholders = (rows: number, width: number) =>
  Array.from({ length: rows }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');

/**
 * Adds `amounts` to the row keyed by `key` in every grain's bucket at `at` (or only the grains given).
 * `keyColumns` follow (grain, bucket) in the table's primary key.
 */
export function add(
  ctx: LedgerContext,
  table: string,
  key: Record<string, SqlValue>,
  amounts: Record<string, number> | ((grain: string) => Record<string, number>),
  at: Date,
  onlyGrains?: Set<string>,
): void {
  const buckets = bucketsAt(at).filter(([grain]) => !onlyGrains || onlyGrains.has(grain));
  if (!buckets.length) return;
  const keyColumns = Object.keys(key);
  const sample = typeof amounts === 'function' ? amounts(buckets[0][0]) : amounts;
  const columns = Object.keys(sample);
  const all = ['grain', 'bucket', ...keyColumns, ...columns];
  const params: SqlValue[] = [];
  for (const [grain, bucket] of buckets) {
    const values = typeof amounts === 'function' ? amounts(grain) : amounts;
    params.push(grain, bucket, ...keyColumns.map((c) => key[c]), ...columns.map((c) => values[c] ?? 0));
  }
  ctx.sql.run(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES ${placeholders(buckets.length, all.length)}
     ON CONFLICT (grain, bucket, ${keyColumns.join(', ')})
     DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    ...params,
  );
}

/** Puts `key` (whose last column is the member) in every grain's set; returns the grains where it is new. */
export function addMember(ctx: LedgerContext, table: string, key: Record<string, SqlValue>, at: Date): Set<string> {
  const buckets = bucketsAt(at);
  const columns = ['grain', 'bucket', ...Object.keys(key)];
  const rows = ctx.sql.all<{ grain: string }>(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(buckets.length, columns.length)}
     ON CONFLICT DO NOTHING RETURNING grain`,
    ...buckets.flatMap(([grain, bucket]) => [grain, bucket, ...Object.values(key)]),
  );
  return new Set(rows.map((r) => r.grain));
}
