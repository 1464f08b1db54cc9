import type { EventsPage, EventType, LedgerEvent } from '../../shared/events.ts';
import type { LedgerContext } from './context.ts';
import { enqueueForEvent } from './outbox.ts';
import { project } from './views/projection.ts';

/**
 * Appends one event and returns its per-organisation sequence number; the managers' views and the
 * webhooks' outbox take it in the same transaction. Call inside the command's transaction.
 */
export function appendEvent(
  ctx: LedgerContext,
  type: EventType,
  actorId: string | null,
  subjectId: string | null,
  data: Record<string, unknown>,
  at: string,
): number {
  const row = ctx.sql.one<{ seq: number }>(
    'INSERT INTO events (type, actor_id, subject_id, data, at) VALUES (?, ?, ?, ?, ?) RETURNING seq',
    type,
    actorId,
    subjectId,
    JSON.stringify(data),
    at,
  );
  if (!row) throw new Error('[ledger] event insert returned no sequence number');
  project(ctx, { type, actorId, subjectId, data, at });
  // The transactional outbox: the webhook deliveries this event calls for, in its own transaction.
  enqueueForEvent(ctx, type, subjectId, data, row.seq);
  return row.seq;
}

export function lastSeq(ctx: LedgerContext): number {
  return ctx.sql.one<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM events')?.seq ?? 0;
}

/** An event as stored. */
export interface EventRow {
  seq: number;
  type: EventType;
  actor_id: string | null;
  subject_id: string | null;
  data: string;
  at: string;
}

/** Events that stand for a pulse's anonymous answers (pulse-responses.ts). */
const anonymousEvents = new Set<EventType>(['pulse.answered', 'pulse.skipped']);

export function eventsAfter(ctx: LedgerContext, after: number, limit: number): EventsPage {
  const rows = ctx.sql.all<EventRow>('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', after, limit);
  // Private thank-yous stay between sender and recipient: they never leave the ledger in an export. Pulse answers
  // and skips name nobody, but even their place in the log would say when someone answered: never exported.
  const exported = rows.filter(
    (r) => !(r.type === 'thank.created' && JSON.parse(r.data).visibility === 'private') && !anonymousEvents.has(r.type),
  );
  const events: LedgerEvent[] = exported.map((r) => ({
    seq: r.seq,
    type: r.type,
    actorId: r.actor_id,
    subjectId: r.subject_id,
    data: JSON.parse(r.data),
    at: r.at,
  }));
  // The cursor moves past what was read, exported or not.
  return { events, last: rows.at(-1)?.seq ?? after, more: rows.length === limit };
}
