import { pulseDimensions, pulseScale as scale } from '../../shared/pulses.ts';
import { tallyColumns } from './pulse-tally.ts';

const ratingColumns = pulseDimensions.map((d) => `${d}_e INTEGER NOT NULL, ${d}_p INTEGER NOT NULL`).join(', ');

/**
 * Department pulses (pulses-*.ts). Anonymity is in the shape: a response row holds its pulse, department, a
 * random key (no insertion order) and the ratings, never a person or a time; comments sit apart the same way.
 * Who answered or skipped is only a marker, HMAC(secret, pulse:department:person) with the organisation's
 * secret kept here and in no export, so a second response is refused without anyone being named.
 */
const pulsesMigration = `
  CREATE TABLE pulse_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret TEXT NOT NULL);
  INSERT INTO pulse_secret (id, secret) VALUES (1, lower(hex(randomblob(32))));
  CREATE TABLE pulses (
    id TEXT PRIMARY KEY, series_id TEXT NOT NULL, round INTEGER NOT NULL, opened_by TEXT, audience TEXT NOT NULL,
    repeat TEXT NOT NULL, opens_at TEXT NOT NULL, closes_at TEXT NOT NULL, remind_at TEXT NOT NULL, closed_at TEXT,
    UNIQUE (series_id, round));
  CREATE INDEX pulses_unclosed ON pulses(closes_at) WHERE closed_at IS NULL;
  CREATE TABLE pulse_departments (
    pulse_id TEXT NOT NULL, department_id TEXT NOT NULL, audience INTEGER NOT NULL,
    respondents INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (pulse_id, department_id)) WITHOUT ROWID;
  CREATE INDEX pulse_departments_department ON pulse_departments(department_id, pulse_id);
  CREATE TABLE pulse_markers (
    pulse_id TEXT NOT NULL, marker TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('answered', 'skipped', 'dismissed')),
    key_hash TEXT, remind_at TEXT, PRIMARY KEY (pulse_id, marker)) WITHOUT ROWID;
  CREATE TABLE pulse_responses (
    pulse_id TEXT NOT NULL, department_id TEXT NOT NULL, id TEXT NOT NULL, ${ratingColumns},
    PRIMARY KEY (pulse_id, department_id, id)) WITHOUT ROWID;
  CREATE TABLE pulse_comments (
    pulse_id TEXT NOT NULL, department_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
    PRIMARY KEY (pulse_id, department_id, id)) WITHOUT ROWID;
  CREATE TABLE pulse_actions (
    pulse_id TEXT NOT NULL, department_id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL,
    owner_id TEXT NOT NULL, due TEXT NOT NULL, PRIMARY KEY (pulse_id, department_id, position)) WITHOUT ROWID;
  `;

/**
 * 22: the counts for pulses answered before they were kept, from their responses (in SQL, once per ledger).
 */
const pulseTallyMigration = `
  ALTER TABLE pulse_departments ADD COLUMN tally TEXT;
  UPDATE pulse_departments SET tally = (
    SELECT json_array(${tallyColumns.flatMap((c) => scale.map((v) => `COALESCE(SUM(${c} = ${v}), 0)`)).join(', ')})
    FROM pulse_responses r WHERE r.pulse_id = pulse_departments.pulse_id
      AND r.department_id = pulse_departments.department_id);
  `;

/** 21 and 22, in order. */
export const pulsesMigrations = [pulsesMigration, pulseTallyMigration];
