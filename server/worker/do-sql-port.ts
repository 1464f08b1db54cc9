import type { SqlPort, SqlValue } from '../core/sql.ts';

/** The ledger's SQL port over a Durable Object's own SQLite (`ctx.storage.sql`). */
export function durableObjectSqlPort(storage: DurableObjectStorage): SqlPort {
  const { sql } = storage;
  return {
    exec: (query) => void sql.exec(query),
    all: <T>(query: string, ...params: SqlValue[]) => sql.exec(query, ...params).toArray() as T[],
    one: <T>(query: string, ...params: SqlValue[]) => sql.exec(query, ...params).toArray()[0] as T | undefined,
    run: (query, ...params) => {
      const cursor = sql.exec(query, ...params);
      cursor.toArray();
      return cursor.rowsWritten;
    },
    transaction: (fn) => storage.transactionSync(fn),
  };
}
