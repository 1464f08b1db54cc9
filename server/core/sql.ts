/** SQL values both better-sqlite3 and Durable Object SQLite accept. */
export type SqlValue = string | number | null;

/**
 * The small synchronous SQL port the ledger runs on. better-sqlite3 on Node and a Durable Object's
 * `ctx.storage.sql` both map onto it directly, so the same statements run in both places. A port
 * reports a failure of the storage itself (not of a statement) as a StorageError (core/errors.ts).
 */
export interface SqlPort {
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): void;
  all<T>(sql: string, ...params: SqlValue[]): T[];
  one<T>(sql: string, ...params: SqlValue[]): T | undefined;
  /** Runs a write; returns how many rows it changed. */
  run(sql: string, ...params: SqlValue[]): number;
  /** Runs fn atomically: everything it wrote, or nothing. */
  transaction<T>(fn: () => T): T;
}
