import type { SqlPort } from '../../server/core/sql.ts';
import { undoAfterValues } from './after-values.ts';

/**
 * Puts a ledger's company values back in the shape of version 15, before migration 16: no order, no
 * retirement, no value events, thank-yous with their values' names only. A test then deletes the later
 * versions from schema_migrations and reopens the ledger, as one from before would be opened.
 */
export function undoValues(port: SqlPort): void {
  undoAfterValues(port);
  port.exec('ALTER TABLE company_values DROP COLUMN position');
  port.exec('ALTER TABLE company_values DROP COLUMN retired_at');
  port.exec('ALTER TABLE thanks DROP COLUMN value_ids');
  port.run(
    "DELETE FROM events WHERE type IN ('value.added', 'value.renamed', 'values.reordered', 'value.retired', 'value.restored')",
  );
}
