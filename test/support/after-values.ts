import type { SqlPort } from '../../server/core/sql.ts';

/**
 * Takes out what the migrations after 16 made, so a test can reopen a ledger as one from before them
 * (undoValues and undoQuarters call it first). Each migration after 16 adds its undo here.
 */
export function undoAfterValues(port: SqlPort): void {
  port.exec('DROP INDEX people_hidden'); // 17
}
