import type { LedgerContext } from './context.ts';
import { announce, endpointsFor } from './outbox.ts';
import { askAnnouncement } from './webhook-payloads.ts';

/*
 * Department asks about to miss their standard (due within the hour) and those that missed it, each
 * announced once: `asks.announced` records 'at_risk' then 'overdue', and the partial index holds only the
 * asks still to announce, so a round reads the few that fall due, not every open ask.
 */
const hour = 3_600_000;
const toAnnounce = `asks INDEXED BY asks_to_announce
  WHERE overdue_at IS NOT NULL AND to_kind = 'department' AND announced IS NOT 'overdue'`;
const batch = 500;

export function sweepAnnouncements(ctx: LedgerContext): number {
  return ctx.sql.transaction(() => {
    const now = ctx.now();
    const at = now.toISOString();
    const rows = ctx.sql.all<{ id: string; to_id: string; overdue_at: string; announced: string | null }>(
      `SELECT id, to_id, overdue_at, announced FROM ${toAnnounce} AND overdue_at <= ? ORDER BY overdue_at LIMIT ?`,
      new Date(now.getTime() + hour).toISOString(),
      batch,
    );
    let written = 0;
    for (const r of rows) {
      const kind = r.overdue_at <= at ? 'ask.overdue' : r.announced === null ? 'ask.at_risk' : null;
      if (!kind) continue;
      const a = askAnnouncement(ctx, kind, r.id);
      if (a) written += announce(ctx, endpointsFor(ctx, kind, [r.to_id]), a, r.id);
      ctx.sql.run('UPDATE asks SET announced = ? WHERE id = ?', kind === 'ask.overdue' ? 'overdue' : 'at_risk', r.id);
    }
    return written;
  });
}

/** When the next ask falls within the hour of its due time, or due: when to look again. */
export function nextAnnouncement(ctx: LedgerContext): string | null {
  const soon = ctx.sql.one<{ at: string | null }>(
    `SELECT MIN(overdue_at) AS at FROM ${toAnnounce} AND announced IS NULL`,
  )?.at;
  const due = ctx.sql.one<{ at: string | null }>(
    `SELECT MIN(overdue_at) AS at FROM ${toAnnounce} AND announced = 'at_risk'`,
  )?.at;
  const times = [soon ? Date.parse(soon) - hour : null, due ? Date.parse(due) : null].filter((t) => t !== null);
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}
