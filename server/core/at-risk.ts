import type { LedgerContext } from './context.ts';
import { announce, anyActiveWebhook, endpointsFor } from './outbox.ts';
import { askAnnouncement } from './webhook-payloads.ts';

/*
 * Department asks about to miss their standard (due within the hour) and those that missed it, each
 * announced once (`ask_announcements`). A round reads only the asks whose due time falls in the next hour
 * or since the last round (`webhook_marks`), through an index on the due time: the few that fall due,
 * never the whole backlog of open or long-overdue asks. The first round starts from now.
 */
const hour = 3_600_000;
const due = `asks INDEXED BY asks_due_to_announce WHERE overdue_at IS NOT NULL AND to_kind = 'department'`;
const batch = 500;

const lastRound = (ctx: LedgerContext) =>
  ctx.sql.one<{ at: string }>(`SELECT at FROM webhook_marks WHERE name = 'announced'`)?.at ?? null;

/** Moves the mark less often than rounds run (every few seconds on Node): an idle round writes nothing. */
const markEveryMs = 60_000;

export function sweepAnnouncements(ctx: LedgerContext): number {
  const now = ctx.now();
  const at = now.toISOString();
  const since = lastRound(ctx);
  if (!anyActiveWebhook(ctx)) {
    // Nobody to tell: forget the mark, so a webhook added later starts from its first round, not from here.
    if (since !== null) ctx.sql.run(`DELETE FROM webhook_marks WHERE name = 'announced'`);
    return 0;
  }
  const read = () =>
    ctx.sql.all<{ id: string; to_id: string; overdue_at: string }>(
      `SELECT id, to_id, overdue_at FROM ${due} AND overdue_at > ? AND overdue_at <= ? ORDER BY overdue_at LIMIT ?`,
      since ?? at,
      new Date(now.getTime() + hour).toISOString(),
      batch,
    );
  if (read().length === 0) {
    if (since === null || now.getTime() - Date.parse(since) >= markEveryMs) mark(ctx, at);
    return 0;
  }
  return ctx.sql.transaction(() => {
    const rows = read();
    let written = 0;
    for (const r of rows) {
      const kind = r.overdue_at <= at ? 'ask.overdue' : 'ask.at_risk';
      const first = ctx.sql.one(
        'INSERT INTO ask_announcements (ask_id, stage) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING ask_id',
        r.id,
        kind,
      );
      if (!first) continue;
      const a = askAnnouncement(ctx, kind, r.id);
      if (a) written += announce(ctx, endpointsFor(ctx, kind, [r.to_id]), a, r.id);
    }
    // A full batch: the next round goes on from the last ask it reached (not past asks it did not read).
    const full = rows.length === batch && rows[batch - 1].overdue_at < at;
    mark(ctx, full ? rows[batch - 1].overdue_at : at);
    return written;
  });
}

/** Where the next round starts. */
function mark(ctx: LedgerContext, through: string): void {
  ctx.sql.run(
    `INSERT INTO webhook_marks (name, at) VALUES ('announced', ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at`,
    through,
  );
}

/** When the next ask comes within the hour of its due time, or falls due: when to look again. */
export function nextAnnouncement(ctx: LedgerContext): string | null {
  const now = ctx.now();
  const after = (t: string) =>
    ctx.sql.one<{ at: string | null }>(`SELECT MIN(overdue_at) AS at FROM ${due} AND overdue_at > ?`, t)?.at ?? null;
  const falling = after(lastRound(ctx) ?? now.toISOString());
  const entering = after(new Date(now.getTime() + hour).toISOString());
  const times = [falling ? Date.parse(falling) : null, entering ? Date.parse(entering) - hour : null].filter(
    (t) => t !== null,
  );
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}
