import { StorageError } from '../core/errors.ts';
import { checkBound, type SqlPort, type SqlValue } from '../core/sql.ts';

// SQLite's result codes for a failing store; workerd puts them in the message.
const storageFailure = /SQLITE_(IOERR|FULL|BUSY|LOCKED|NOMEM|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

function storageErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (storageFailure.test(message)) throw new StorageError(`[ledger] [durable-object] ${message}`);
    throw error;
  }
}

/** The ledger's SQL port over a Durable Object's own SQLite (`ctx.storage.sql`). */
export function durableObjectSqlPort(storage: DurableObjectStorage): SqlPort {
  const { sql } = storage;
  const exec = (query: string, params: SqlValue[]) => {
    // workerd's own refusal reads "too many SQL variables"; this one names the statement.
    checkBound(query, params);
    return storageErrors(() => sql.exec(query, ...params));
  };
  return {
    exec: (query) => void exec(query, []),
    all: <T>(query: string, ...params: SqlValue[]) => storageErrors(() => exec(query, params).toArray()) as T[],
    one: <T>(query: string, ...params: SqlValue[]) =>
      storageErrors(() => exec(query, params).toArray()[0]) as T | undefined,
    run: (query, ...params) =>
      storageErrors(() => {
        const cursor = exec(query, params);
        cursor.toArray();
        return cursor.rowsWritten;
      }),
    transaction: (fn) => storage.transactionSync(fn),
  };
}
