import type { SqlPort } from '../../server/core/sql.ts';

/**
 * Takes out what the migrations after 16 made, so a test can reopen a ledger as one from before them
 * (undoValues and undoQuarters call it first). Each migration after 16 adds its undo here.
 */
export function undoAfterValues(port: SqlPort): void {
  // 23: the quarters' rows by their total (gone already where undoQuarterDays dropped their table)
  port.exec('DROP INDEX IF EXISTS v_recognition_quarter_days_total');
  // 22 (pulse tallies) is a column of pulse_departments, which 21's undo drops.
  // 21: pulses (their indexes go with their tables)
  for (const table of [
    'pulse_actions',
    'pulse_comments',
    'pulse_responses',
    'pulse_markers',
    'pulse_departments',
    'pulses',
    'pulse_secret',
  ])
    port.exec(`DROP TABLE ${table}`);
  // 20: causes
  for (const table of ['v_handoff_causes', 'ask_causes']) port.exec(`DROP TABLE ${table}`);
  // 19
  port.exec('DROP INDEX asks_department_due');
  port.exec('DROP TABLE notification_prefs');
  // 18
  port.exec('DROP INDEX asks_due_to_announce');
  for (const table of [
    'webhook_marks',
    'ask_announcements',
    'digests_sent',
    'digest_choices',
    'webhook_deliveries',
    'webhooks',
  ])
    port.exec(`DROP TABLE ${table}`);
  // 17
  port.exec('DROP INDEX people_hidden');
}
