import { weekdays } from '../../shared/settings.ts';
import type { WebhookTarget } from '../../shared/webhooks.ts';
import type { LedgerContext, Principal } from './context.ts';
import { settings } from './limits.ts';
import { enqueue } from './outbox.ts';
import { bucketOf } from './views/buckets.ts';
import { digest } from './views/digest.ts';
import { digestAnnouncement, render } from './webhook-payloads.ts';

/*
 * Managers' weekly digests, sent on the organisation's day and hour in its time zone, to the webhook each
 * manager chose. Exactly once per manager and ISO week: `digests_sent` (person, week) is written in the
 * delivery's own transaction, so a restart, a second loop or a late round cannot send one twice. A round
 * after the moment (the server was down then) still sends that week's.
 */

/** The organisation's local weekday (0 = Monday), hour and ISO week at `now`. */
export function localWeek(now: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      weekday: 'short',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const day = weekdays.indexOf(parts.weekday.toLowerCase().slice(0, 3) as (typeof weekdays)[number]);
  const date = new Date(`${parts.year}-${parts.month}-${parts.day}T12:00:00Z`);
  return { day, hour: Number(parts.hour) % 24, week: bucketOf('week', date) };
}

/** Whether this week's digest moment has come, and which week it is. */
export function digestDue(ctx: LedgerContext): { due: boolean; week: string } {
  const schedule = settings(ctx).digest;
  const local = localWeek(ctx.now(), schedule.timeZone);
  const day = weekdays.indexOf(schedule.day);
  return { due: local.day > day || (local.day === day && local.hour >= schedule.hour), week: local.week };
}

interface Waiting {
  person_id: string;
  role: Principal['role'];
  webhook_id: string;
  target: WebhookTarget;
}

/** Writes this week's digest for each manager who has not had it; returns how many. */
export function sweepDigests(ctx: LedgerContext): number {
  const { due, week } = digestDue(ctx);
  if (!due) return 0;
  const orgId = ctx.sql.one<{ id: string }>('SELECT id FROM org')?.id;
  if (!orgId) return 0;
  const waiting = ctx.sql.all<Waiting>(
    `SELECT c.person_id, p.role, c.webhook_id, w.target FROM digest_choices c
     JOIN people p ON p.id = c.person_id AND p.active = 1 AND p.role IN ('manager', 'admin')
     JOIN webhooks w ON w.id = c.webhook_id AND w.state = 'active' AND w.deleted_at IS NULL
     WHERE NOT EXISTS (SELECT 1 FROM digests_sent s WHERE s.person_id = c.person_id AND s.week = ?)`,
    week,
  );
  let sent = 0;
  for (const m of waiting) {
    ctx.sql.transaction(() => {
      // Checked again inside the transaction: another round may have written it since.
      if (ctx.sql.one('SELECT 1 AS x FROM digests_sent WHERE person_id = ? AND week = ?', m.person_id, week)) return;
      const at = ctx.now().toISOString();
      const d = digest(ctx, { orgId, personId: m.person_id, role: m.role });
      const id = enqueue(ctx, m.webhook_id, 'digest', m.person_id, render(m.target, digestAnnouncement(d, at)));
      ctx.sql.run('INSERT INTO digests_sent (person_id, week, delivery_id) VALUES (?, ?, ?)', m.person_id, week, id);
      sent++;
    });
  }
  return sent;
}

const quarterHour = 15 * 60_000;

/** While any manager has chosen a webhook, look every quarter hour (time zones are offset by quarters at most). */
export function nextDigestCheck(ctx: LedgerContext): string | null {
  if (!ctx.sql.one('SELECT 1 AS x FROM digest_choices LIMIT 1')) return null;
  const now = ctx.now().getTime();
  return new Date((Math.floor(now / quarterHour) + 1) * quarterHour).toISOString();
}
