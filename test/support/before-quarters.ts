import type { SqlPort } from '../../server/core/sql.ts';

const DAY = 86_400_000;
const c = Array.from({ length: 31 }, (_, i) => `c${i + 1}`);

/**
 * Puts a ledger's custom-range views back in the shape of version 14, before migration 15: running
 * totals through each day of a month (c{d} past its last day hold its total, a row only for a month with
 * thanks), computed from the quarters' rows, and no day indexes on the set views. A test then deletes
 * the later versions from schema_migrations and reopens the ledger, as one from before would be opened.
 */
export function undoQuarterDays(port: SqlPort): void {
  const quarters = port.all<Record<string, string | number>>('SELECT * FROM v_recognition_quarter_days');
  port.exec('DROP TABLE v_recognition_quarter_days');
  port.exec('DROP INDEX v_recognition_givers_days');
  port.exec('DROP INDEX v_recognition_reach_days');
  port.exec(`CREATE TABLE v_recognition_days (month TEXT NOT NULL, kind TEXT NOT NULL, value_id TEXT NOT NULL,
    subject_id TEXT NOT NULL, ${c.map((x) => `${x} INTEGER NOT NULL DEFAULT 0`).join(', ')},
    PRIMARY KEY (month, kind, value_id, subject_id)) WITHOUT ROWID`);
  for (const q of quarters) {
    const [y, n] = String(q.quarter).split('-Q').map(Number);
    for (let j = 0; j < 3; j++) {
      const m = (n - 1) * 3 + j; // 0-based month
      const off = (Date.UTC(y, m, 1) - Date.UTC(y, (n - 1) * 3, 1)) / DAY;
      const length = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
      const d = (k: number) => (k === 0 ? 0 : Number(q[`d${k}`]));
      const through = c.map((_, i) => d(off + Math.min(i + 1, length)) - d(off));
      if (through[30] === 0) continue; // no thanks that month: no row
      port.run(
        `INSERT INTO v_recognition_days VALUES (?, ?, ?, ?, ${c.map(() => '?').join(', ')})`,
        `${y}-${String(m + 1).padStart(2, '0')}`,
        q.kind,
        q.value_id,
        q.subject_id,
        ...through,
      );
    }
  }
}
