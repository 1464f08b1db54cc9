/*
 * Causes, not culprits (ask-causes.ts): the cause given for each step, one per step (its event's seq), and the
 * hand-off pairs' counts per cause and period (views/handoff-causes.ts), derived from the log like every view.
 * Only new tables, each IF NOT EXISTS: running it again changes nothing. No event before it holds a cause, so
 * the new view starts empty and equal to a replay.
 */
export const causesMigration = `
  CREATE TABLE IF NOT EXISTS ask_causes (
    step_seq INTEGER PRIMARY KEY, ask_id TEXT NOT NULL, person_id TEXT NOT NULL, step TEXT NOT NULL,
    cause TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS v_handoff_causes (
    grain TEXT NOT NULL, bucket TEXT NOT NULL, from_department_id TEXT NOT NULL, to_department_id TEXT NOT NULL,
    cause TEXT NOT NULL, n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (grain, bucket, from_department_id, to_department_id, cause)) WITHOUT ROWID;
`;
