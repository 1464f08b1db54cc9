import type { MyDigest, WebhookEvent } from '../../shared/webhooks.ts';
import { isManager, type LedgerContext, type Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';
import { digestWebhooks } from './webhooks.ts';

/** Where a manager's weekly digest goes (digest-schedule.ts sends it). */

export function myDigest(
  ctx: LedgerContext,
  who: Principal,
): MyDigest & { webhooks: ReturnType<typeof digestWebhooks> } {
  const webhooks = digestWebhooks(ctx, who);
  const row = ctx.sql.one<{ webhook_id: string }>(
    'SELECT webhook_id FROM digest_choices WHERE person_id = ?',
    who.personId,
  );
  return { webhookId: row?.webhook_id ?? null, webhooks };
}

/** A manager's choice of where their weekly digest goes (a webhook subscribed to 'digest'), or nowhere. */
export function chooseDigest(ctx: LedgerContext, who: Principal, input: MyDigest) {
  if (!isManager(who)) throw new LedgerError('forbidden', 'Digests are for managers and admins');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    if (input.webhookId === null) {
      ctx.sql.run('DELETE FROM digest_choices WHERE person_id = ?', who.personId);
    } else {
      const hook = ctx.sql.one<{ events: string }>(
        'SELECT events FROM webhooks WHERE id = ? AND deleted_at IS NULL',
        input.webhookId,
      );
      if (!hook || !(JSON.parse(hook.events) as WebhookEvent[]).includes('digest')) {
        throw new LedgerError('validation_failed', 'Choose a webhook that carries digests', {
          webhookId: 'Not a digest webhook',
        });
      }
      ctx.sql.run(
        `INSERT INTO digest_choices (person_id, webhook_id) VALUES (?, ?)
         ON CONFLICT (person_id) DO UPDATE SET webhook_id = excluded.webhook_id`,
        who.personId,
        input.webhookId,
      );
    }
    appendEvent(
      ctx,
      'digest.chosen',
      who.personId,
      who.personId,
      { webhookId: input.webhookId },
      ctx.now().toISOString(),
    );
    return myDigest(ctx, who);
  });
}
