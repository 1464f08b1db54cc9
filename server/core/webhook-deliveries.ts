import type { Delivery } from '../../shared/webhooks.ts';
import type { LedgerContext, Principal } from './context.ts';
import { parked } from './delivery.ts';
import { notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';
import { requireAdmin } from './org-admin.ts';
import { requireWebhook } from './webhooks.ts';

/** An endpoint's deliveries as its admins see them, and resending one. */

interface DeliveryRow {
  id: string;
  kind: Delivery['kind'];
  status: Delivery['status'];
  attempts: number;
  next_at: string | null;
  last_status: number | null;
  last_error: string | null;
  last_excerpt: string | null;
  created_at: string;
  delivered_at: string | null;
}

export function listDeliveries(ctx: LedgerContext, who: Principal, id: string, limit: number) {
  requireAdmin(who, 'see deliveries');
  requireWebhook(ctx, id);
  const rows = ctx.sql.all<DeliveryRow>(
    `SELECT id, kind, status, attempts, next_at, last_status, last_error, last_excerpt, created_at, delivered_at
     FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`,
    id,
    limit,
  );
  return {
    deliveries: rows.map(
      (r): Delivery => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.status === 'pending' && r.next_at !== parked ? r.next_at : null,
        lastStatusCode: r.last_status,
        lastError: r.last_error,
        responseExcerpt: r.last_excerpt,
        createdAt: r.created_at,
        deliveredAt: r.delivered_at,
      }),
    ),
  };
}

/** Sends a delivery again, with the same id: due now (or when its paused webhook resumes), a new day of retries. */
export function resendDelivery(ctx: LedgerContext, who: Principal, id: string, deliveryId: string) {
  requireAdmin(who, 'resend deliveries');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const webhook = requireWebhook(ctx, id);
    const at = ctx.now().toISOString();
    const changed = ctx.sql.run(
      `UPDATE webhook_deliveries SET status = 'pending', next_at = ?, series_at = ?, lease_until = NULL, delivered_at = NULL
       WHERE id = ? AND webhook_id = ?`,
      webhook.state === 'paused' ? parked : at,
      at,
      deliveryId,
      id,
    );
    if (!changed) throw notFound('Delivery');
    appendEvent(ctx, 'webhook.resent', who.personId, id, { deliveryId }, at);
    return { id: deliveryId };
  });
}
