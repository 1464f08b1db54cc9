import type { LedgerContext } from '../context.ts';
import type { EventRow } from '../events.ts';
import { recountOverdue } from './overdue.ts';
import { project } from './projection.ts';

/** Every table the projection writes: derived, so they can be dropped and replayed at will. */
export const viewTables = [
  'v_recognition',
  'v_recognition_quarter_days',
  'v_recognition_givers',
  'v_recognition_reach',
  'v_given',
  'v_served',
  'v_service',
  'v_service_importance',
  'v_duration_bins',
  'v_handoffs',
  'v_handoff_causes',
  'v_ask_facts',
  'v_backlog',
  'v_overdue',
] as const;

const page = 5_000;

/** Empties the views and replays the whole event log through the projection, in one transaction. */
export function rebuildViews(ctx: LedgerContext): void {
  ctx.sql.transaction(() => {
    for (const table of viewTables) ctx.sql.run(`DELETE FROM ${table}`);
    let after = 0;
    for (;;) {
      const rows = ctx.sql.all<EventRow>(
        'SELECT seq, type, actor_id, subject_id, data, at FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
        after,
        page,
      );
      for (const r of rows) {
        project(ctx, {
          type: r.type,
          actorId: r.actor_id,
          subjectId: r.subject_id,
          data: JSON.parse(r.data),
          at: r.at,
        });
      }
      if (rows.length < page) break;
      after = rows[rows.length - 1].seq;
    }
    // Overdue counts come from the clock, not the log: recounted from the asks' sweep marks.
    recountOverdue(ctx);
  });
}

/** Every view row, in a stable order: what a rebuild must reproduce exactly. */
export function snapshotViews(ctx: LedgerContext): Record<string, string[]> {
  return Object.fromEntries(
    viewTables.map((t) => [
      t,
      ctx.sql
        .all(`SELECT * FROM ${t}`)
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}
