import type { EventType } from '../../shared/events.ts';
import type { DeliveryKind, WebhookEvent, WebhookTarget } from '../../shared/webhooks.ts';
import type { LedgerContext } from './context.ts';
import { jsonList } from './sql.ts';
import { type Announcement, askAnnouncement, render, thankAnnouncement } from './webhook-payloads.ts';

/*
 * The transactional outbox: a delivery row per matching endpoint, written in the transaction of the event
 * that calls for it, so nothing goes out for an event that did not commit and nothing committed is
 * forgotten. The delivery loop (delivery.ts) sends them.
 */

interface Endpoint {
  id: string;
  target: WebhookTarget;
}

/**
 * Active endpoints subscribed to `event` for the organisation, or for one of these departments. One bound
 * list however many departments (a Durable Object binds at most 100 values).
 */
export function endpointsFor(ctx: LedgerContext, event: WebhookEvent, departments: readonly string[]): Endpoint[] {
  return ctx.sql.all<Endpoint>(
    `SELECT id, target FROM webhooks
     WHERE state = 'active' AND deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM json_each(webhooks.events) e WHERE e.value = ?)
       AND (department_id IS NULL OR department_id IN (SELECT value FROM json_each(?)))
     ORDER BY id`,
    event,
    jsonList(departments),
  );
}

/** Whether any webhook is active: without one, an event costs the outbox this one read of a tiny table. */
export const anyActiveWebhook = (ctx: LedgerContext) =>
  ctx.sql.one(`SELECT 1 AS x FROM webhooks WHERE state = 'active' AND deleted_at IS NULL LIMIT 1`) !== undefined;

/** Writes one pending delivery; `payload` null renders it on its first claim (from rows the event's command writes after it). */
export function enqueue(
  ctx: LedgerContext,
  webhookId: string,
  kind: DeliveryKind,
  subjectId: string | null,
  payload: string | null,
  seq: number | null = null,
): string {
  const id = ctx.newId('msg');
  const at = ctx.now().toISOString();
  ctx.sql.run(
    `INSERT INTO webhook_deliveries (id, webhook_id, seq, kind, subject_id, payload, status, attempts, next_at, series_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    id,
    webhookId,
    seq,
    kind,
    subjectId,
    payload,
    at,
    at,
    at,
  );
  return id;
}

/** Writes an announcement to each endpoint, rendered for its target. */
export function announce(
  ctx: LedgerContext,
  endpoints: readonly Endpoint[],
  a: Announcement,
  subjectId: string | null,
): number {
  for (const e of endpoints) enqueue(ctx, e.id, a.kind, subjectId, render(e.target, a));
  return endpoints.length;
}

/**
 * Called by appendEvent for every event, inside its transaction: the deliveries the event calls for.
 * A private thank-you calls for none, ever.
 */
export function enqueueForEvent(
  ctx: LedgerContext,
  type: EventType,
  subjectId: string | null,
  data: Record<string, unknown>,
  seq: number,
): void {
  if ((type !== 'thank.created' && type !== 'ask.created') || !anyActiveWebhook(ctx)) return;
  if (type === 'thank.created') {
    if (data.visibility !== 'public' || !subjectId) return;
    const to = (data.to ?? []) as { kind: string; id: string }[];
    // A department's channel hears of thanks to the department and to its people.
    const departments = ctx.sql.all<{ id: string }>(
      `SELECT value AS id FROM json_each(?) UNION SELECT department_id FROM memberships
       WHERE person_id IN (SELECT value FROM json_each(?))`,
      jsonList(to.filter((r) => r.kind === 'department').map((r) => r.id)),
      jsonList(to.filter((r) => r.kind === 'person').map((r) => r.id)),
    );
    const endpoints = endpointsFor(
      ctx,
      'thank.public',
      departments.map((d) => d.id),
    );
    for (const e of endpoints) enqueue(ctx, e.id, 'thank.public', subjectId, null, seq);
  } else if (type === 'ask.created') {
    const to = data.to as { kind: string; id: string } | undefined;
    if (to?.kind !== 'department' || !subjectId) return;
    for (const e of endpointsFor(ctx, 'ask.new', [to.id])) enqueue(ctx, e.id, 'ask.new', subjectId, null, seq);
  }
}

/** The body of a delivery written before its subject's rows (a thank-you, an ask): rendered once, then kept. */
export function renderLater(ctx: LedgerContext, kind: DeliveryKind, subjectId: string, target: WebhookTarget) {
  const a =
    kind === 'thank.public'
      ? thankAnnouncement(ctx, subjectId)
      : kind === 'ask.new'
        ? askAnnouncement(ctx, kind, subjectId)
        : null;
  return a ? render(target, a) : null;
}
