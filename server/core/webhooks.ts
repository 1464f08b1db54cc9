import type { CreatedWebhook, NewWebhook, UpdateWebhook, Webhook } from '../../shared/webhooks.ts';
import { webhookLimits } from '../../shared/webhooks.ts';
import { isManager, type LedgerContext, type Principal } from './context.ts';
import { parked, pauseEndpoint, resumeEndpoint } from './delivery.ts';
import { LedgerError, notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countWrite } from './limits.ts';
import { requireAdmin } from './org-admin.ts';
import { enqueue } from './outbox.ts';
import { pingAnnouncement, render } from './webhook-payloads.ts';

/*
 * Admins' outbound webhooks: one event per command. The signing secret is stored to sign with and shown once,
 * in the create answer; no event or export carries it, nor the URL (for Slack the URL is itself a credential).
 */

interface WebhookRow {
  id: string;
  name: string;
  target: Webhook['target'];
  url: string;
  department_id: string | null;
  department_name: string | null;
  events: string;
  state: Webhook['state'];
  paused_reason: string | null;
  created_at: string;
}

const select = `SELECT w.id, w.name, w.target, w.url, w.department_id, d.name AS department_name, w.events, w.state,
  w.paused_reason, w.created_at FROM webhooks w LEFT JOIN departments d ON d.id = w.department_id
  WHERE w.deleted_at IS NULL`;

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  name: r.name,
  target: r.target,
  url: r.url,
  scope: r.department_id ? 'department' : 'organisation',
  departmentId: r.department_id,
  departmentName: r.department_name,
  events: JSON.parse(r.events),
  state: r.state,
  pausedReason: r.paused_reason,
  createdAt: r.created_at,
});

export function requireWebhook(ctx: LedgerContext, id: string): Webhook {
  const row = ctx.sql.one<WebhookRow>(`${select} AND w.id = ?`, id);
  if (!row) throw notFound('Webhook');
  return toWebhook(row);
}

/** http only where the operator allows it (a test, a lab); otherwise https. */
function requireScheme(ctx: LedgerContext, url: string) {
  if (new URL(url).protocol === 'https:' || ctx.allowHttpWebhooks) return;
  throw new LedgerError('validation_failed', 'Webhooks are sent over https only', { url: 'An https:// address' });
}

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

export function listWebhooks(ctx: LedgerContext, who: Principal): { webhooks: Webhook[] } {
  requireAdmin(who, 'see webhooks');
  return { webhooks: ctx.sql.all<WebhookRow>(`${select} ORDER BY w.created_at, w.id`).map(toWebhook) };
}

/** The webhooks a manager may send their digest to (names only, no URL). */
export function digestWebhooks(ctx: LedgerContext, who: Principal) {
  if (!isManager(who)) throw new LedgerError('forbidden', 'Digests are for managers and admins');
  return ctx.sql
    .all<WebhookRow>(`${select} AND EXISTS (SELECT 1 FROM json_each(w.events) WHERE value = 'digest') ORDER BY w.name`)
    .map((r) => ({ id: r.id, name: r.name, target: r.target }));
}

export function createWebhook(
  ctx: LedgerContext,
  who: Principal,
  input: NewWebhook,
  key: string,
): Idempotent<CreatedWebhook> {
  requireAdmin(who, 'add webhooks');
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'webhook', input }, () => {
      countWrite(ctx, who);
      requireScheme(ctx, input.url);
      const departmentId = input.departmentId ?? null;
      if (departmentId && !ctx.sql.one('SELECT 1 AS x FROM departments WHERE id = ?', departmentId)) {
        throw new LedgerError('validation_failed', 'No such department', { departmentId: 'Unknown department' });
      }
      const count = ctx.sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM webhooks WHERE deleted_at IS NULL')?.n ?? 0;
      if (count >= webhookLimits.perOrganisation) {
        throw new LedgerError('conflict', `At most ${webhookLimits.perOrganisation} webhooks`, { name: 'Too many' });
      }
      const id = ctx.newId('wh');
      const at = ctx.now().toISOString();
      const secret = newSecret();
      ctx.sql.run(
        `INSERT INTO webhooks (id, name, target, url, secret, department_id, events, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        input.name,
        input.target,
        input.url,
        secret,
        departmentId,
        JSON.stringify(input.events),
        at,
      );
      appendEvent(
        ctx,
        'webhook.created',
        who.personId,
        id,
        {
          name: input.name,
          target: input.target,
          departmentId,
          events: input.events,
        },
        at,
      );
      return { ...requireWebhook(ctx, id), secret };
    }),
  );
}

export function updateWebhook(ctx: LedgerContext, who: Principal, id: string, input: UpdateWebhook): Webhook {
  requireAdmin(who, 'change webhooks');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const current = requireWebhook(ctx, id);
    if (input.url !== undefined) requireScheme(ctx, input.url);
    ctx.sql.run(
      'UPDATE webhooks SET name = ?, url = ?, events = ? WHERE id = ?',
      input.name ?? current.name,
      input.url ?? current.url,
      JSON.stringify(input.events ?? current.events),
      id,
    );
    if (input.state === 'active' && current.state === 'paused') resumeEndpoint(ctx, id);
    if (input.state === 'paused' && current.state === 'active') pauseEndpoint(ctx, id, 'Paused by an admin');
    if (input.events && !input.events.includes('digest'))
      ctx.sql.run('DELETE FROM digest_choices WHERE webhook_id = ?', id);
    appendEvent(
      ctx,
      'webhook.updated',
      who.personId,
      id,
      { name: input.name, urlChanged: input.url !== undefined, events: input.events, state: input.state },
      ctx.now().toISOString(),
    );
    return requireWebhook(ctx, id);
  });
}

/** Removes a webhook: what it had still to send is dropped (failed), managers' digests sent there stop. */
export function deleteWebhook(ctx: LedgerContext, who: Principal, id: string): void {
  requireAdmin(who, 'remove webhooks');
  ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const current = requireWebhook(ctx, id);
    const at = ctx.now().toISOString();
    ctx.sql.run('UPDATE webhooks SET deleted_at = ? WHERE id = ?', at, id);
    ctx.sql.run(
      `UPDATE webhook_deliveries SET status = 'failed', next_at = NULL, last_error = 'Webhook removed'
       WHERE webhook_id = ? AND status = 'pending'`,
      id,
    );
    ctx.sql.run('DELETE FROM digest_choices WHERE webhook_id = ?', id);
    appendEvent(ctx, 'webhook.deleted', who.personId, id, { name: current.name }, at);
  });
}

/** A ping, delivered like any event: the admin sees it arrive (or why not) in the deliveries. */
export function testWebhook(ctx: LedgerContext, who: Principal, id: string) {
  requireAdmin(who, 'test webhooks');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const webhook = requireWebhook(ctx, id);
    const at = ctx.now().toISOString();
    const deliveryId = enqueue(ctx, id, 'ping', null, render(webhook.target, pingAnnouncement(webhook.name, at)));
    if (webhook.state === 'paused') {
      ctx.sql.run('UPDATE webhook_deliveries SET next_at = ? WHERE id = ?', parked, deliveryId);
    }
    appendEvent(ctx, 'webhook.tested', who.personId, id, { deliveryId }, at);
    return { id: deliveryId };
  });
}
