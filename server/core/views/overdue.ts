import type { Ask, AskStatus } from '../../../shared/asks.ts';
import type { LedgerContext } from '../context.ts';

/*
 * "Overdue now" without counting the open asks at every read. Each live ask stores `overdue_at`, the
 * moment it falls overdue if nothing happens. A sweep marks the department asks past it (`overdue_in`,
 * the department they are counted in) and adds them to v_overdue; a read adds to those counters the
 * few asks that fell overdue since the last sweep. So a read costs the same with 100 or 100,000 open
 * asks, and it is exact whether or not the sweep has run.
 */

// Department asks past due and not yet counted, from the partial index that holds only them.
const pending = `asks INDEXED BY asks_overdue_pending
  WHERE overdue_in IS NULL AND overdue_at IS NOT NULL AND to_kind = 'department'`;

/** When an ask falls overdue if nothing changes: never once it ends, or while it waits on its requester. */
export function overdueAt(
  row: { status: AskStatus; first_response_at: string | null },
  clock: Pick<Ask['clock'], 'firstResponseDueAt' | 'resolutionDueAt'>,
): string | null {
  if (!['open', 'acknowledged', 'in_progress'].includes(row.status)) return null;
  const due = [row.first_response_at === null ? clock.firstResponseDueAt : null, clock.resolutionDueAt];
  return (
    due
      .filter((d): d is string => d !== null)
      .sort()
      .at(0) ?? null
  );
}

/** Takes a counted ask out of its department's count (before a command changes what made it overdue). */
export function uncount(ctx: LedgerContext, id: string, department: string): void {
  ctx.sql.run('UPDATE asks SET overdue_in = NULL WHERE id = ?', id);
  ctx.sql.run('UPDATE v_overdue SET n = n - 1 WHERE department_id = ?', department);
  ctx.sql.run('DELETE FROM v_overdue WHERE department_id = ? AND n <= 0', department);
}

/** Asks fallen overdue since the last sweep, per department. */
const fallenSince = (ctx: LedgerContext, now: string) =>
  ctx.sql.all<{ id: string; n: number }>(
    `SELECT to_id AS id, COUNT(*) AS n FROM ${pending} AND overdue_at < ? GROUP BY to_id`,
    now,
  );

/** Overdue asks per department right now: the swept counters plus what fell overdue since. */
export function overdueNow(ctx: LedgerContext): Map<string, number> {
  const counts = new Map(
    ctx.sql.all<{ id: string; n: number }>('SELECT department_id AS id, n FROM v_overdue').map((r) => [r.id, r.n]),
  );
  for (const r of fallenSince(ctx, ctx.now().toISOString())) counts.set(r.id, (counts.get(r.id) ?? 0) + r.n);
  return counts;
}

/** When the next ask not yet counted falls overdue, or null when none will: when to sweep next. */
export function nextOverdue(ctx: LedgerContext): string | null {
  return ctx.sql.one<{ at: string | null }>(`SELECT MIN(overdue_at) AS at FROM ${pending}`)?.at ?? null;
}

/**
 * Counts the asks that fell overdue since the last sweep. Returns how many, and when the next one
 * falls overdue (for the runtime to sweep again then), or null when none is due.
 */
export function sweepOverdue(ctx: LedgerContext): { swept: number; next: string | null } {
  return ctx.sql.transaction(() => {
    const now = ctx.now().toISOString();
    const due = fallenSince(ctx, now);
    for (const { id, n } of due) {
      ctx.sql.run(
        `INSERT INTO v_overdue (department_id, n) VALUES (?, ?)
         ON CONFLICT (department_id) DO UPDATE SET n = n + excluded.n`,
        id,
        n,
      );
    }
    if (due.length)
      ctx.sql.run(`UPDATE asks SET overdue_in = to_id WHERE id IN (SELECT id FROM ${pending} AND overdue_at < ?)`, now);
    return { swept: due.reduce((a, r) => a + r.n, 0), next: nextOverdue(ctx) };
  });
}

/** The counters from the asks' marks: what a rebuild of the views puts back. */
export function recountOverdue(ctx: LedgerContext): void {
  ctx.sql.run('DELETE FROM v_overdue');
  ctx.sql.run(
    `INSERT INTO v_overdue (department_id, n)
     SELECT overdue_in, COUNT(*) FROM asks WHERE overdue_in IS NOT NULL GROUP BY overdue_in`,
  );
}
