import Database from 'better-sqlite3';
import type { SqlPort, SqlValue } from '../core/sql.ts';

/** The ledger's SQL port over better-sqlite3: one file, WAL, statements prepared once. */
export function sqlitePort(filename: string): SqlPort & { close(): void } {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt; a process crash loses nothing.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    exec: (sql) => void db.exec(sql),
    all: <T>(sql: string, ...params: SqlValue[]) => prepare(sql).all(...params) as T[],
    one: <T>(sql: string, ...params: SqlValue[]) => prepare(sql).get(...params) as T | undefined,
    run: (sql, ...params) => prepare(sql).run(...params).changes,
    transaction: (fn) => db.transaction(fn)(),
    close: () => db.close(),
  };
}
