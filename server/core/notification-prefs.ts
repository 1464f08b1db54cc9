import { defaultNotificationPrefs, type NotificationPrefs } from '../../shared/notifications.ts';
import type { LedgerContext, Principal } from './context.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';

/*
 * What each person wants to be told, kept on the server so it follows them from browser to browser.
 * A person who never chose has no row: everything on, never quiet, in their first department's time zone.
 */

/** The time zone of the person's first department (its business hours), else UTC. */
function homeTimeZone(ctx: LedgerContext, personId: string): string {
  const row = ctx.sql.one<{ hours: string }>(
    `SELECT d.hours FROM memberships m JOIN departments d ON d.id = m.department_id
     WHERE m.person_id = ? ORDER BY d.name LIMIT 1`,
    personId,
  );
  try {
    return (row && (JSON.parse(row.hours) as { timeZone?: string }).timeZone) || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function notificationPrefs(ctx: LedgerContext, who: Principal): NotificationPrefs {
  const row = ctx.sql.one<{ prefs: string }>('SELECT prefs FROM notification_prefs WHERE person_id = ?', who.personId);
  const fallback = defaultNotificationPrefs(homeTimeZone(ctx, who.personId));
  if (!row) return fallback;
  const stored = JSON.parse(row.prefs) as NotificationPrefs;
  // Kinds added after the person chose start on.
  return { ...fallback, ...stored, kinds: { ...fallback.kinds, ...stored.kinds } };
}

/** Replaces the person's own preferences: one event, in one transaction. */
export function setNotificationPrefs(ctx: LedgerContext, who: Principal, input: NotificationPrefs): NotificationPrefs {
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const at = ctx.now().toISOString();
    ctx.sql.run(
      `INSERT INTO notification_prefs (person_id, prefs, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET prefs = excluded.prefs, updated_at = excluded.updated_at`,
      who.personId,
      JSON.stringify(input),
      at,
    );
    appendEvent(ctx, 'person.notifications_updated', who.personId, who.personId, { ...input }, at);
    return notificationPrefs(ctx, who);
  });
}
