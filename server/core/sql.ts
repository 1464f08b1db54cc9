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

/**
 * A Durable Object's SQLite binds at most 100 values per statement ("too many SQL variables");
 * better-sqlite3 allows 32,766, so a statement that binds more would only fail in production. Every
 * port refuses more, on Node too. Pass a variable number of values as one JSON array (`jsonList`).
 */
export const maxBoundValues = 100;

export function checkBound(sql: string, params: readonly unknown[]): void {
  if (params.length <= maxBoundValues) return;
  throw new Error(
    `[ledger] statement binds ${params.length} values; at most ${maxBoundValues} run on the Durable Object: ${sql.slice(0, 120)}`,
  );
}

/** Values for `IN (SELECT value FROM json_each(?))`: one bound value, however many there are. */
export const jsonList = (values: readonly SqlValue[] | readonly SqlValue[][]): string => JSON.stringify(values);

/** A script as statements, one per exec call: Durable Object SQLite and better-sqlite3 agree on that. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
