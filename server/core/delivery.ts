import type { DeliveryKind, WebhookTarget } from '../../shared/webhooks.ts';
import { backoff, backoffDelayMs, givenUp } from './backoff.ts';
import type { LedgerContext } from './context.ts';
import { appendEvent } from './events.ts';
import { renderLater } from './outbox.ts';

/*
 * The delivery loop's side of the outbox: claim what is due (leased, so a crash mid-send makes it due again
 * at the lease's end), record each outcome, retry with backoff, give up after a day, pause an endpoint that
 * keeps failing. Every retry carries the same id: the `webhook-id` receivers deduplicate on.
 */

/** What the sender needs for one delivery. */
export interface Claimed {
  id: string;
  url: string;
  secret: string;
  body: string;
  attempt: number;
}

/** The sender's report on one attempt. */
export interface Outcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  excerpt: string | null;
}

/** A paused endpoint's deliveries wait here (not due) until it is resumed. */
export const parked = '9999-12-31T00:00:00.000Z';

interface DueRow {
  id: string;
  webhook_id: string;
  kind: DeliveryKind;
  subject_id: string | null;
  payload: string | null;
  attempts: number;
  url: string;
  secret: string;
  target: WebhookTarget;
}

export function claimDeliveries(ctx: LedgerContext, limit: number): Claimed[] {
  // Nothing due (most rounds): a read, no transaction, nothing to commit.
  const due = ctx.sql.one(
    `SELECT 1 AS x FROM webhook_deliveries WHERE status = 'pending' AND next_at <= ? LIMIT 1`,
    ctx.now().toISOString(),
  );
  if (!due) return [];
  return ctx.sql.transaction(() => {
    const now = ctx.now();
    const due = ctx.sql.all<DueRow>(
      `SELECT d.id, d.webhook_id, d.kind, d.subject_id, d.payload, d.attempts, w.url, w.secret, w.target
       FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
       WHERE d.status = 'pending' AND d.next_at <= ? ORDER BY d.next_at LIMIT ?`,
      now.toISOString(),
      limit,
    );
    const lease = new Date(now.getTime() + backoff.leaseMs).toISOString();
    const claimed: Claimed[] = [];
    for (const d of due) {
      const body = d.payload ?? (d.subject_id ? renderLater(ctx, d.kind, d.subject_id, d.target) : null);
      if (body === null) {
        // Its subject is gone (or was never public): nothing to say.
        ctx.sql.run(
          `UPDATE webhook_deliveries SET status = 'failed', next_at = NULL, last_error = 'Nothing to send' WHERE id = ?`,
          d.id,
        );
        continue;
      }
      ctx.sql.run(
        'UPDATE webhook_deliveries SET payload = ?, next_at = ?, lease_until = ? WHERE id = ?',
        body,
        lease,
        lease,
        d.id,
      );
      claimed.push({ id: d.id, url: d.url, secret: d.secret, body, attempt: d.attempts + 1 });
    }
    return claimed;
  });
}

interface HeldRow {
  webhook_id: string;
  attempts: number;
  series_at: string;
  status: string;
}

/** Records one attempt's outcome; returns the delivery's status after it. */
export function deliveryResult(
  ctx: LedgerContext,
  id: string,
  outcome: Outcome,
  random: () => number = Math.random,
): 'pending' | 'delivered' | 'failed' | 'unknown' {
  return ctx.sql.transaction(() => {
    const d = ctx.sql.one<HeldRow>(
      'SELECT webhook_id, attempts, series_at, status FROM webhook_deliveries WHERE id = ?',
      id,
    );
    if (d?.status !== 'pending') return 'unknown';
    const now = ctx.now();
    const at = now.toISOString();
    const attempts = d.attempts + 1;
    const excerpt = outcome.excerpt?.slice(0, 200) ?? null;
    const error = outcome.error?.slice(0, 200) ?? null;
    if (outcome.ok) {
      ctx.sql.run(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, next_at = NULL, lease_until = NULL,
           last_status = ?, last_error = NULL, last_excerpt = ?, delivered_at = ? WHERE id = ?`,
        attempts,
        outcome.status,
        excerpt,
        at,
        id,
      );
      ctx.sql.run('UPDATE webhooks SET failures = 0, failing_since = NULL WHERE id = ?', d.webhook_id);
      return 'delivered';
    }
    const failed = givenUp(attempts, d.series_at, now);
    ctx.sql.run(
      `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_at = ?, lease_until = NULL,
         last_status = ?, last_error = ?, last_excerpt = ? WHERE id = ?`,
      failed ? 'failed' : 'pending',
      attempts,
      failed ? null : new Date(now.getTime() + backoffDelayMs(attempts, random)).toISOString(),
      outcome.status,
      error,
      excerpt,
      id,
    );
    countFailure(ctx, d.webhook_id, error ?? `HTTP ${outcome.status}`, now);
    return failed ? 'failed' : 'pending';
  });
}

/** One more failure in a row; an endpoint failing for a day (and at least ten times) is paused, its admins told. */
function countFailure(ctx: LedgerContext, webhookId: string, why: string, now: Date) {
  const at = now.toISOString();
  const w = ctx.sql.one<{ failures: number; failing_since: string; state: string }>(
    `UPDATE webhooks SET failures = failures + 1, failing_since = COALESCE(failing_since, ?) WHERE id = ?
     RETURNING failures, failing_since, state`,
    at,
    webhookId,
  );
  if (w?.state !== 'active') return;
  if (w.failures < backoff.pauseAfterFailures || now.getTime() - Date.parse(w.failing_since) < backoff.spanMs) return;
  const reason = `${w.failures} deliveries in a row failed since ${w.failing_since.slice(0, 16).replace('T', ' ')} UTC (last: ${why})`;
  pauseEndpoint(ctx, webhookId, reason);
  appendEvent(ctx, 'webhook.paused', null, webhookId, { reason }, at);
}

/** Stops sending to an endpoint: its pending deliveries wait, parked, until it is resumed. */
export function pauseEndpoint(ctx: LedgerContext, webhookId: string, reason: string | null) {
  ctx.sql.run(`UPDATE webhooks SET state = 'paused', paused_reason = ? WHERE id = ?`, reason, webhookId);
  ctx.sql.run(
    `UPDATE webhook_deliveries SET next_at = ? WHERE webhook_id = ? AND status = 'pending'`,
    parked,
    webhookId,
  );
}

/** Sends again: its pending deliveries are due now, and a new day of retries begins for them. */
export function resumeEndpoint(ctx: LedgerContext, webhookId: string) {
  const at = ctx.now().toISOString();
  ctx.sql.run(
    `UPDATE webhooks SET state = 'active', paused_reason = NULL, failures = 0, failing_since = NULL WHERE id = ?`,
    webhookId,
  );
  ctx.sql.run(
    `UPDATE webhook_deliveries SET next_at = ?, series_at = ? WHERE webhook_id = ? AND status = 'pending'`,
    at,
    at,
    webhookId,
  );
}

/** When the next delivery falls due, or null: when the Durable Object's alarm should ring. */
export function nextDelivery(ctx: LedgerContext): string | null {
  const at = ctx.sql.one<{ at: string | null }>(
    `SELECT MIN(next_at) AS at FROM webhook_deliveries WHERE status = 'pending'`,
  )?.at;
  return at && at !== parked ? at : null;
}
