import { causesMigration } from './causes-migration.ts';
import { notificationsMigration } from './notifications-migration.ts';
import { pulsesMigrations } from './pulses-migration.ts';
import { type SqlPort, splitStatements } from './sql.ts';
import { valuesMigration } from './values-migration.ts';
import { quarterDaysMigration, rangeTopMigration } from './views/quarter-days.ts';
import { webhooksMigration } from './webhooks-migration.ts';

const days = Array.from({ length: 31 }, (_, i) => i + 1); // migration 10's days of a month

/** Versioned, append-only. Never edit a shipped migration: add the next one. */
const migrations: string[] = [
  `
  CREATE TABLE org (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE, title TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('member','manager','admin')), active INTEGER NOT NULL DEFAULT 1,
    name_key TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE INDEX people_name ON people(name_key);
  CREATE TABLE departments (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, offers TEXT NOT NULL DEFAULT '[]',
    first_response_hours INTEGER NOT NULL, resolution_hours INTEGER NOT NULL,
    name_key TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE memberships (
    person_id TEXT NOT NULL REFERENCES people(id), department_id TEXT NOT NULL REFERENCES departments(id),
    PRIMARY KEY (person_id, department_id));
  CREATE INDEX memberships_department ON memberships(department_id);
  CREATE TABLE company_values (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, actor_id TEXT, subject_id TEXT,
    data TEXT NOT NULL, at TEXT NOT NULL);
  CREATE TABLE idempotency (
    person_id TEXT NOT NULL, key TEXT NOT NULL, request TEXT NOT NULL, result TEXT NOT NULL,
    at TEXT NOT NULL, PRIMARY KEY (person_id, key)) WITHOUT ROWID;
  CREATE TABLE asks (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, requester_id TEXT NOT NULL,
    to_kind TEXT NOT NULL, to_id TEXT NOT NULL, subject TEXT NOT NULL, details TEXT NOT NULL,
    context TEXT, expected_by TEXT, status TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE INDEX asks_requester ON asks(requester_id, seq);
  CREATE INDEX asks_to ON asks(to_kind, to_id, seq);
  CREATE TABLE thanks (
    id TEXT PRIMARY KEY, seq INTEGER NOT NULL, sender_id TEXT NOT NULL, message TEXT NOT NULL,
    "values" TEXT NOT NULL, ask_id TEXT, visibility TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE TABLE thank_recipients (
    thank_id TEXT NOT NULL REFERENCES thanks(id), kind TEXT NOT NULL, recipient_id TEXT NOT NULL,
    seq INTEGER NOT NULL, PRIMARY KEY (thank_id, kind, recipient_id)) WITHOUT ROWID;
  CREATE INDEX thank_recipients_to ON thank_recipients(kind, recipient_id, seq);
  -- Leaderboard counters, kept in the same transaction as each thank-you.
  CREATE TABLE board_counts (
    period TEXT NOT NULL, bucket TEXT NOT NULL, kind TEXT NOT NULL, subject_id TEXT NOT NULL,
    received INTEGER NOT NULL DEFAULT 0, givers INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (period, bucket, kind, subject_id)) WITHOUT ROWID;
  CREATE INDEX board_counts_rank ON board_counts(period, bucket, kind, received DESC);
  CREATE TABLE board_givers (
    period TEXT NOT NULL, bucket TEXT NOT NULL, kind TEXT NOT NULL, subject_id TEXT NOT NULL,
    giver_id TEXT NOT NULL, PRIMARY KEY (period, bucket, kind, subject_id, giver_id)) WITHOUT ROWID;
  CREATE TABLE sign_in_codes (
    code_hash TEXT PRIMARY KEY, person_id TEXT NOT NULL, reusable INTEGER NOT NULL DEFAULT 0,
    expires_at TEXT NOT NULL, used_at TEXT);
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, person_id TEXT NOT NULL, label TEXT NOT NULL,
    created_at TEXT NOT NULL, revoked_at TEXT);
  CREATE INDEX tokens_person ON tokens(person_id);
  `,
  // 2: asks as a service desk: business hours, lifecycle clock, assignment, follows, ratings, hand-offs.
  `
  ALTER TABLE departments ADD COLUMN hours TEXT NOT NULL
    DEFAULT '{"timeZone":"UTC","days":[1,2,3,4,5],"start":"09:00","end":"17:00"}';
  ALTER TABLE asks ADD COLUMN importance TEXT NOT NULL DEFAULT 'normal';
  ALTER TABLE asks ADD COLUMN assignee_id TEXT;
  ALTER TABLE asks ADD COLUMN decline_reason TEXT;
  ALTER TABLE asks ADD COLUMN first_response_at TEXT;
  ALTER TABLE asks ADD COLUMN first_response_ms INTEGER;
  ALTER TABLE asks ADD COLUMN resolved_at TEXT;
  ALTER TABLE asks ADD COLUMN resolved_by TEXT;
  ALTER TABLE asks ADD COLUMN resolution_ms INTEGER;
  ALTER TABLE asks ADD COLUMN waiting_since TEXT;
  ALTER TABLE asks ADD COLUMN waited_ms INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE asks ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE asks ADD COLUMN updated_seq INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE asks ADD COLUMN context_url TEXT;
  UPDATE asks SET updated_seq = seq, context_url = json_extract(context, '$.url');
  CREATE INDEX asks_open_by_page ON asks(to_kind, to_id, context_url) WHERE status NOT IN ('resolved', 'declined');
  CREATE INDEX asks_assignee ON asks(assignee_id, updated_seq);
  CREATE INDEX asks_to_status ON asks(to_kind, to_id, status);
  CREATE INDEX events_subject ON events(subject_id, seq);
  CREATE INDEX thanks_ask ON thanks(ask_id);
  CREATE TABLE ask_followers (
    ask_id TEXT NOT NULL, person_id TEXT NOT NULL, PRIMARY KEY (ask_id, person_id)) WITHOUT ROWID;
  CREATE INDEX ask_followers_person ON ask_followers(person_id);
  CREATE TABLE ask_ratings (
    ask_id TEXT PRIMARY KEY, rater_id TEXT NOT NULL, overall INTEGER NOT NULL, communication INTEGER,
    responsiveness INTEGER, quality INTEGER, comment TEXT NOT NULL, at TEXT NOT NULL);
  CREATE TABLE ask_handoffs (
    ask_id TEXT NOT NULL, seq INTEGER NOT NULL, from_department_id TEXT NOT NULL, to_department_id TEXT NOT NULL,
    by_id TEXT NOT NULL, note TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (ask_id, seq));
  `,
  // 3: organisation settings and the counters behind its limits.
  `
  CREATE TABLE org_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE limit_counters (
    scope TEXT NOT NULL, win TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (scope, win)) WITHOUT ROWID;
  `,
  // 4: the managers' views, kept by the projection (views/projection.ts) in each event's transaction and
  // rebuilt from the event log (views/rebuild.ts); they replace the board_* counters. Buckets per grain.
  `
  DROP TABLE board_counts;
  DROP TABLE board_givers;
  ALTER TABLE people ADD COLUMN board_opt_out INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE asks ADD COLUMN fr_due_at TEXT;
  ALTER TABLE asks ADD COLUMN res_due_at TEXT;
  CREATE TABLE v_recognition (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, kind TEXT NOT NULL, value_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    received INTEGER NOT NULL DEFAULT 0, givers INTEGER NOT NULL DEFAULT 0, reach INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, kind, value_id, subject_id)) WITHOUT ROWID;
  CREATE INDEX v_recognition_rank ON v_recognition(grain, bucket, kind, value_id, received DESC);
  CREATE TABLE v_recognition_givers (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, kind TEXT NOT NULL, value_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    giver_id TEXT NOT NULL, PRIMARY KEY (grain, bucket, kind, value_id, subject_id, giver_id)) WITHOUT ROWID;
  CREATE TABLE v_recognition_reach (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, kind TEXT NOT NULL, value_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    department_id TEXT NOT NULL, PRIMARY KEY (grain, bucket, kind, value_id, subject_id, department_id)) WITHOUT ROWID;
  CREATE TABLE v_given (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, value_id TEXT NOT NULL, person_id TEXT NOT NULL,
    given INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (grain, bucket, value_id, person_id)) WITHOUT ROWID;
  CREATE INDEX v_given_rank ON v_given(grain, bucket, value_id, given DESC);
  CREATE TABLE v_served (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, person_id TEXT NOT NULL, served INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, person_id)) WITHOUT ROWID;
  CREATE INDEX v_served_rank ON v_served(grain, bucket, served DESC);
  CREATE TABLE v_service (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, department_id TEXT NOT NULL,
    received INTEGER NOT NULL DEFAULT 0, resolved INTEGER NOT NULL DEFAULT 0, declined INTEGER NOT NULL DEFAULT 0,
    reopened INTEGER NOT NULL DEFAULT 0, first_responses INTEGER NOT NULL DEFAULT 0,
    fr_within INTEGER NOT NULL DEFAULT 0, res_within INTEGER NOT NULL DEFAULT 0,
    forwarded_out INTEGER NOT NULL DEFAULT 0, bounces INTEGER NOT NULL DEFAULT 0,
    needed_met INTEGER NOT NULL DEFAULT 0, needed_missed INTEGER NOT NULL DEFAULT 0, rated INTEGER NOT NULL DEFAULT 0,
    overall_sum INTEGER NOT NULL DEFAULT 0, communication_sum INTEGER NOT NULL DEFAULT 0,
    communication_n INTEGER NOT NULL DEFAULT 0, responsiveness_sum INTEGER NOT NULL DEFAULT 0,
    responsiveness_n INTEGER NOT NULL DEFAULT 0, quality_sum INTEGER NOT NULL DEFAULT 0,
    quality_n INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (grain, bucket, department_id)) WITHOUT ROWID;
  CREATE TABLE v_service_importance (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, department_id TEXT NOT NULL, importance TEXT NOT NULL,
    rated INTEGER NOT NULL DEFAULT 0, overall_sum INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, department_id, importance)) WITHOUT ROWID;
  CREATE TABLE v_durations (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, department_id TEXT NOT NULL, metric TEXT NOT NULL, bin INTEGER NOT NULL,
    n INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (grain, bucket, department_id, metric, bin)) WITHOUT ROWID;
  CREATE TABLE v_handoffs (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, from_department_id TEXT NOT NULL, to_department_id TEXT NOT NULL,
    arrivals INTEGER NOT NULL DEFAULT 0, resolved INTEGER NOT NULL DEFAULT 0, forwards INTEGER NOT NULL DEFAULT 0,
    bounces INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, from_department_id, to_department_id)) WITHOUT ROWID;
  CREATE TABLE v_handoff_durations (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, from_department_id TEXT NOT NULL, to_department_id TEXT NOT NULL,
    bin INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, from_department_id, to_department_id, bin)) WITHOUT ROWID;
  CREATE TABLE v_ask_facts (
    ask_id TEXT PRIMARY KEY, requester_id TEXT NOT NULL, requester_department_id TEXT NOT NULL,
    department_id TEXT, importance TEXT NOT NULL, expected_by TEXT, visited TEXT NOT NULL, open INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE v_backlog (department_id TEXT PRIMARY KEY, open INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
  `,
  // 5: overdue now is a live count over the open asks only (a covering index of them and their due times).
  `
  CREATE INDEX asks_open_due ON asks(to_id, res_due_at, fr_due_at, first_response_at, to_kind, status)
    WHERE to_kind = 'department' AND status IN ('open', 'acknowledged', 'in_progress');
  `,
  // 6: hand-off durations in coarse bins (seven fine ones each, views/histogram.ts), re-binned in place.
  `
  CREATE TABLE v_handoff_durations_coarse (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, from_department_id TEXT NOT NULL, to_department_id TEXT NOT NULL,
    bin INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, from_department_id, to_department_id, bin)) WITHOUT ROWID;
  INSERT INTO v_handoff_durations_coarse
    SELECT grain, bucket, from_department_id, to_department_id, bin / 7, SUM(n) FROM v_handoff_durations
    GROUP BY grain, bucket, from_department_id, to_department_id, bin / 7;
  DROP TABLE v_handoff_durations;
  ALTER TABLE v_handoff_durations_coarse RENAME TO v_handoff_durations;
  `,
  // 7: a histogram is one row (its bins as a JSON object, "b<bin>": count), so a period's medians cost
  // a row per department and metric, or per department pair, instead of a row per bin.
  `
  CREATE TABLE v_histograms (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, department_id TEXT NOT NULL, metric TEXT NOT NULL,
    bins TEXT NOT NULL, PRIMARY KEY (grain, bucket, department_id, metric)) WITHOUT ROWID;
  INSERT INTO v_histograms
    SELECT grain, bucket, department_id, metric, json_group_object('b' || bin, n) FROM v_durations
    GROUP BY grain, bucket, department_id, metric;
  DROP TABLE v_durations;
  ALTER TABLE v_handoffs ADD COLUMN bins TEXT NOT NULL DEFAULT '{}';
  UPDATE v_handoffs SET bins = COALESCE((SELECT json_group_object('b' || d.bin, d.n) FROM v_handoff_durations d
    WHERE d.grain = v_handoffs.grain AND d.bucket = v_handoffs.bucket
      AND d.from_department_id = v_handoffs.from_department_id AND d.to_department_id = v_handoffs.to_department_id), '{}');
  DROP TABLE v_handoff_durations;
  `,
  // 8: histograms as fixed-length JSON arrays of counts (151 fine bins, 22 coarse for hand-offs): flat reads.
  `
  UPDATE v_histograms SET bins = (
    WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < 150)
    SELECT json_group_array(COALESCE(json_extract(v_histograms.bins, '$.b' || n), 0)) FROM i);
  CREATE TABLE v_handoffs_arrays (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, from_department_id TEXT NOT NULL, to_department_id TEXT NOT NULL,
    arrivals INTEGER NOT NULL DEFAULT 0, resolved INTEGER NOT NULL DEFAULT 0, forwards INTEGER NOT NULL DEFAULT 0,
    bounces INTEGER NOT NULL DEFAULT 0, bins TEXT NOT NULL DEFAULT '[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]',
    PRIMARY KEY (grain, bucket, from_department_id, to_department_id)) WITHOUT ROWID;
  INSERT INTO v_handoffs_arrays
    SELECT grain, bucket, from_department_id, to_department_id, arrivals, resolved, forwards, bounces, (
      WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < 21)
      SELECT json_group_array(COALESCE(json_extract(v_handoffs.bins, '$.b' || n), 0)) FROM i)
    FROM v_handoffs;
  DROP TABLE v_handoffs;
  ALTER TABLE v_handoffs_arrays RENAME TO v_handoffs;
  `,
  // 9: "overdue now" as a counter (views/overdue.ts). Each live ask stores when it falls overdue; a sweep counts
  // those past it, so a query reads the counters plus the few asks that fell overdue since the last sweep.
  `
  ALTER TABLE asks ADD COLUMN overdue_at TEXT;
  ALTER TABLE asks ADD COLUMN overdue_in TEXT;
  UPDATE asks SET overdue_at = CASE WHEN first_response_at IS NULL THEN min(fr_due_at, res_due_at) ELSE res_due_at END
    WHERE status IN ('open', 'acknowledged', 'in_progress');
  CREATE INDEX asks_overdue_pending ON asks(overdue_at, to_id)
    WHERE overdue_in IS NULL AND overdue_at IS NOT NULL AND to_kind = 'department';
  CREATE INDEX asks_overdue_in ON asks(overdue_in) WHERE overdue_in IS NOT NULL;
  CREATE TABLE v_overdue (department_id TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  DROP INDEX asks_open_due;
  `,
  // 10: thanks received by people and departments per day, as running totals through each day of the month
  // (replaced by 15): a custom range's ragged months are two columns of one row per person. Replace day rows.
  `
  CREATE TABLE v_recognition_days (
    month TEXT NOT NULL, kind TEXT NOT NULL, value_id TEXT NOT NULL, subject_id TEXT NOT NULL,
    ${days.map((d) => `c${d} INTEGER NOT NULL DEFAULT 0`).join(', ')},
    PRIMARY KEY (month, kind, value_id, subject_id)) WITHOUT ROWID;
  INSERT INTO v_recognition_days (month, kind, value_id, subject_id, ${days.map((d) => `c${d}`).join(', ')})
    SELECT substr(bucket, 1, 7), kind, value_id, subject_id,
      ${days.map((d) => `SUM(CASE WHEN CAST(substr(bucket, 9, 2) AS INTEGER) <= ${d} THEN received ELSE 0 END)`).join(', ')}
    FROM v_recognition WHERE grain = 'day' AND kind IN ('person', 'department')
    GROUP BY substr(bucket, 1, 7), kind, value_id, subject_id;
  DELETE FROM v_recognition WHERE grain = 'day' AND kind IN ('person', 'department');
  `,
  // 11: the organisation's thank-you total is read by the week and for all values only: the rest goes.
  `
  DELETE FROM v_recognition WHERE kind = 'org' AND (grain <> 'week' OR value_id <> '');
  `,
  // 12: abuse limits. Wrong sign-in codes per client (sign-in-attempts.ts), counted where every isolate
  // sees them; uploaded screenshots, so the ones no ask attached are removed after a day (screenshot-uploads.ts).
  `
  CREATE TABLE sign_in_failures (
    client TEXT PRIMARY KEY, started_ms INTEGER NOT NULL, failures INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX sign_in_failures_started ON sign_in_failures(started_ms);
  CREATE TABLE screenshots (
    person_id TEXT NOT NULL, id TEXT NOT NULL, uploaded_at TEXT NOT NULL, ask_id TEXT, swept_at TEXT,
    removed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (person_id, id)) WITHOUT ROWID;
  CREATE INDEX screenshots_unattached ON screenshots(uploaded_at) WHERE ask_id IS NULL AND swept_at IS NULL;
  CREATE INDEX screenshots_swept ON screenshots(swept_at) WHERE swept_at IS NOT NULL;
  `,
  // 13: durations in two-level histograms of fine bins (views/histogram.ts, within 1%) replace the ×1.1 bins of
  // v_histograms and the ×2 of v_handoffs. Old bins cannot be refined: the log is replayed (viewsReplayVersion).
  `
  DROP TABLE v_histograms;
  ALTER TABLE v_handoffs DROP COLUMN bins;
  CREATE TABLE v_duration_bins (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, part INTEGER NOT NULL, from_department_id TEXT NOT NULL,
    metric TEXT NOT NULL, department_id TEXT NOT NULL, bins TEXT NOT NULL,
    PRIMARY KEY (grain, bucket, part, from_department_id, metric, department_id)) WITHOUT ROWID;
  `,
  // 14: each hand-off pair's median resolution per bucket, kept as it changes (views/handoffs.ts); replayed.
  `
  ALTER TABLE v_handoffs ADD COLUMN median_ms INTEGER;
  `,
  // 15: custom ranges by quarter (views/quarter-days.ts): running totals per quarter, derived from 10's per month.
  quarterDaysMigration,
  // 16: company values the organisation keeps (values-migration.ts): order, retirement, value events.
  valuesMigration,
  'CREATE INDEX people_hidden ON people(id) WHERE active = 0 OR board_opt_out = 1', // 17: custom ranges skip them
  webhooksMigration, // 18: webhooks, their outbox, digests sent, asks announced (webhooks-migration.ts)
  notificationsMigration, // 19: notification preferences, department asks by due time (notifications-migration.ts)
  causesMigration, // causes of broken hand-offs, per step and per department pair (causes-migration.ts)
  ...pulsesMigrations, // 21: pulses, their anonymous responses and markers; 22: their answer counts (pulse-tally.ts)
  rangeTopMigration, // 23: a quarter's rows by their total, for the top of a long custom range (views/range-top.ts)
];

/** Brings a ledger database to the latest version; safe to call on every open. Returns the version it found. */
export function migrate(sql: SqlPort): number {
  sql.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const current = sql.one<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0;
  for (let version = current + 1; version <= migrations.length; version++) {
    sql.transaction(() => {
      for (const statement of splitStatements(migrations[version - 1])) sql.exec(statement);
      sql.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', version, new Date().toISOString());
    });
  }
  return current;
}
/** The version that introduced the managers' views: a ledger older than it gets its open asks dated. */
export const viewsVersion = 4;
/** The last version that changed what the views hold: a ledger older than it gets them replayed from its log. */
export const viewsReplayVersion = 14;
