/**
 * Each person's notification preferences (notification-prefs.ts; no row: the defaults), and a department's live
 * asks by when they fall overdue, so "due within the hour or overdue" for one person reads only their
 * departments' few urgent asks (notifications.ts).
 */
export const notificationsMigration = `
  CREATE TABLE notification_prefs (person_id TEXT PRIMARY KEY, prefs TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX asks_department_due ON asks(to_id, overdue_at) WHERE overdue_at IS NOT NULL AND to_kind = 'department';
  `;
