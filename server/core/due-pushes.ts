import type { Audience } from './audience.ts';
import type { SqlPort } from './sql.ts';

/*
 * Asks that come due with no event: a department ask entering its last hour (at risk) or passing its due time
 * (overdue). Nothing is written when that happens, so nothing is pushed after a write; the runtime's timer (the
 * Durable Object's alarm) asks here at each such moment whom to tell, so their extensions sync and show the
 * notification (notifications.ts derives it). Each moment is told once: a ring covers the moments since the
 * last ring (`webhook_marks` 'pushed-due', one row), read through the due-time index, so a ring reads the few
 * asks whose moment passed, never the backlog of open or long-overdue asks. Works with or without webhooks
 * (at-risk.ts announces to them apart).
 */
const hour = 3_600_000;
/**
 * A ring looks back at most this far: the extension's safety poll (every 30 minutes while pushed) has seen
 * anything older, and a ledger that never rang starts here rather than at its first ask.
 */
const lookBackMs = 30 * 60_000;
const due = `asks INDEXED BY asks_due_to_announce WHERE overdue_at IS NOT NULL AND to_kind = 'department'`;

const lastRing = (sql: SqlPort) =>
  sql.one<{ at: string }>(`SELECT at FROM webhook_marks WHERE name = 'pushed-due'`)?.at ?? null;

/** Where a ring's window starts: the last ring, but never further back than lookBackMs. */
function windowStart(sql: SqlPort, now: Date): string {
  const floor = new Date(now.getTime() - lookBackMs).toISOString();
  const last = lastRing(sql);
  return last !== null && last > floor ? last : floor;
}

const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Who to tell of the asks whose at-risk or overdue moment passed since the last ring, and moves the mark to now.
 * An assigned ask concerns its assignee, an unassigned one its department (as the notifications say). Null when
 * nobody. Two range reads of the index: due times in the window (overdue now), and an hour later (at risk now).
 */
export function dueAudience(sql: SqlPort, now: Date): Audience | null {
  const from = windowStart(sql, now);
  const to = now.toISOString();
  const rows = sql.all<{ to_id: string; assignee_id: string | null }>(
    `SELECT to_id, assignee_id FROM ${due} AND overdue_at > ? AND overdue_at <= ?
     UNION SELECT to_id, assignee_id FROM ${due} AND overdue_at > ? AND overdue_at <= ?`,
    from,
    to,
    shift(from, hour),
    shift(to, hour),
  );
  sql.run(
    `INSERT INTO webhook_marks (name, at) VALUES ('pushed-due', ?) ON CONFLICT (name) DO UPDATE SET at = excluded.at`,
    to,
  );
  if (rows.length === 0) return null;
  const people = new Set<string>();
  const departments = new Set<string>();
  for (const r of rows) {
    if (r.assignee_id) people.add(r.assignee_id);
    else departments.add(r.to_id);
  }
  return { people: [...people], departments: [...departments], everyone: false, regroup: false };
}

/** The next moment a department ask comes within the hour of its due time or passes it, or null: when to ring. */
export function nextDuePush(sql: SqlPort, now: Date): string | null {
  const from = windowStart(sql, now);
  const first = (after: string) =>
    sql.one<{ at: string | null }>(`SELECT MIN(overdue_at) AS at FROM ${due} AND overdue_at > ?`, after)?.at ?? null;
  const falling = first(from);
  const entering = first(shift(from, hour));
  const moments = [falling, entering && shift(entering, -hour)].filter((t) => t !== null);
  return moments.length ? moments.sort()[0] : null;
}
