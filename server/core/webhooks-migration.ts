/*
 * Outbound webhooks and their transactional outbox (outbox.ts). A delivery row is written in the event's
 * own transaction; its id is the `webhook-id` receivers deduplicate on. `next_at` is when it is due (a
 * claim moves it to the lease's end, so a crash mid-send makes it due again); the (status, next_at)
 * index serves the loop. Digests sent are keyed by (person, ISO week), written with their delivery,
 * so no restart or second loop sends one twice; asks announced at risk or overdue likewise (at-risk.ts).
 * Only new tables and indexes, each IF NOT EXISTS: running it again (tests that reopen an older ledger
 * rerun every later migration) changes nothing.
 */
export const webhooksMigration = `
  CREATE TABLE IF NOT EXISTS webhooks (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, target TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL,
    department_id TEXT, events TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'active', paused_reason TEXT,
    failures INTEGER NOT NULL DEFAULT 0, failing_since TEXT, created_at TEXT NOT NULL, deleted_at TEXT) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL, seq INTEGER, kind TEXT NOT NULL, subject_id TEXT, payload TEXT,
    status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, next_at TEXT, lease_until TEXT,
    series_at TEXT NOT NULL, last_status INTEGER, last_error TEXT, last_excerpt TEXT, created_at TEXT NOT NULL,
    delivered_at TEXT) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries(status, next_at);
  CREATE INDEX IF NOT EXISTS webhook_deliveries_of ON webhook_deliveries(webhook_id, created_at);
  CREATE TABLE IF NOT EXISTS digest_choices (person_id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS digests_sent (
    person_id TEXT NOT NULL, week TEXT NOT NULL, delivery_id TEXT NOT NULL, PRIMARY KEY (person_id, week)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS ask_announcements (
    ask_id TEXT NOT NULL, stage TEXT NOT NULL, PRIMARY KEY (ask_id, stage)) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS webhook_marks (name TEXT PRIMARY KEY, at TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS asks_due_to_announce ON asks(overdue_at) WHERE overdue_at IS NOT NULL AND to_kind = 'department';
  `;
