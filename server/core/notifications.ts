import type { NotificationItem, NotificationPrefs, Notifications } from '../../shared/notifications.ts';
import type { LedgerContext, Principal } from './context.ts';
import { lastSeq } from './events.ts';
import { itemFor, type NotifiableRow, type Reader } from './notification-items.ts';
import { notificationPrefs } from './notification-prefs.ts';
import { isQuiet } from './quiet-hours.ts';
import { jsonList } from './sql.ts';

/*
 * What a person should be told since a cursor, derived from the event log: a bounded window of events after
 * it (so a far-behind cursor costs the same as a recent one; the client pages with `more`), plus the asks of
 * their departments that are due within the hour or overdue now. Never their own actions, never another
 * person's private thank-you, filtered by their preferences.
 */

/** Events read per call at most, and items returned at most. */
export const notificationWindow = 500;
export const notificationLimit = 50;
/** At-risk and overdue asks told at most per call: the most urgent first, the rest are in the queue. */
const dueLimit = 20;
const hour = 3_600_000;

const notifiable = [
  'ask.created',
  'ask.forwarded',
  'ask.assigned',
  'ask.replied',
  'ask.status',
  'thank.created',
  'webhook.paused',
];

function readEvents(ctx: LedgerContext, me: string, after: number, upTo: number): NotifiableRow[] {
  return ctx.sql.all<NotifiableRow>(
    `SELECT e.seq, e.type, e.actor_id, e.subject_id, e.data, e.at, p.name AS actor_name,
       a.requester_id, a.to_kind, a.to_id, d.name AS to_name, a.assignee_id, a.status, a.subject,
       t.message AS thank_message, w.name AS webhook_name
     FROM events e
     LEFT JOIN people p ON p.id = e.actor_id
     LEFT JOIN asks a ON e.type <> 'thank.created' AND a.id = e.subject_id
     LEFT JOIN departments d ON a.to_kind = 'department' AND d.id = a.to_id
     LEFT JOIN thank_recipients r ON e.type = 'thank.created' AND r.thank_id = e.subject_id
       AND r.kind = 'person' AND r.recipient_id = ?
     LEFT JOIN thanks t ON t.id = r.thank_id
     LEFT JOIN webhooks w ON e.type = 'webhook.paused' AND w.id = e.subject_id
     WHERE e.seq > ? AND e.seq <= ? AND e.type IN (SELECT value FROM json_each(?))
       AND (e.actor_id <> ? OR (e.actor_id IS NULL AND e.type = 'webhook.paused'))
     ORDER BY e.seq`,
    me,
    after,
    upTo,
    jsonList(notifiable),
    me,
  );
}

/** My departments' live asks due within the hour or already overdue, not assigned to someone else. */
function dueSoon(ctx: LedgerContext, me: string): NotificationItem[] {
  const now = ctx.now().getTime();
  const rows = ctx.sql.all<{ id: string; subject: string; overdue_at: string; updated_seq: number; name: string }>(
    `SELECT a.id, a.subject, a.overdue_at, a.updated_seq, d.name FROM asks a INDEXED BY asks_department_due
     JOIN departments d ON d.id = a.to_id
     WHERE a.to_kind = 'department' AND a.overdue_at IS NOT NULL
       AND a.to_id IN (SELECT department_id FROM memberships WHERE person_id = ?)
       AND a.overdue_at <= ? AND (a.assignee_id IS NULL OR a.assignee_id = ?)
     ORDER BY a.overdue_at LIMIT ?`,
    me,
    new Date(now + hour).toISOString(),
    me,
    dueLimit,
  );
  return rows.map((r) => {
    const overdue = Date.parse(r.overdue_at) <= now;
    const kind = overdue ? 'overdue' : 'atRisk';
    return {
      id: `${kind}:${r.id}`,
      kind,
      askId: r.id,
      title: overdue ? `Overdue in ${r.name}` : `Due within the hour in ${r.name}`,
      body: r.subject,
      at: r.overdue_at,
      seq: r.updated_seq,
    };
  });
}

const wanted = (prefs: NotificationPrefs, item: NotificationItem) =>
  item.kind === 'webhookPaused' || prefs.kinds[item.kind === 'overdue' ? 'atRisk' : item.kind];

/** What this person should be told since event `after`: at most `notificationLimit` items, then `more`. */
export function notificationsFor(ctx: LedgerContext, who: Principal, after: number): Notifications {
  const me = who.personId;
  const prefs = notificationPrefs(ctx, who);
  const newest = lastSeq(ctx);
  const start = Math.min(after, newest); // a cursor from a ledger since restored starts over at its end
  const upTo = Math.min(start + notificationWindow, newest);
  const reader: Reader = {
    personId: me,
    admin: who.role === 'admin',
    departments: new Set(
      ctx.sql
        .all<{ id: string }>('SELECT department_id AS id FROM memberships WHERE person_id = ?', me)
        .map((r) => r.id),
    ),
  };
  const items: NotificationItem[] = [];
  let last = upTo;
  for (const row of start < upTo ? readEvents(ctx, me, start, upTo) : []) {
    const item = itemFor(row, reader);
    if (!item || !wanted(prefs, item)) continue;
    items.push(item);
    if (items.length === notificationLimit) {
      last = row.seq;
      break;
    }
  }
  const more = last < newest;
  // The asks due now are a state, not events: told once the log is read up to now (the extension remembers ids).
  if (!more) items.push(...dueSoon(ctx, me).filter((item) => wanted(prefs, item)));
  return { items, last, more, quiet: isQuiet(prefs.quietHours, ctx.now(), prefs.timeZone) };
}
