import Database from 'better-sqlite3';
import { StorageError } from '../core/errors.ts';
import { checkBound, type SqlPort, type SqlValue } from '../core/sql.ts';

export interface NodeSqlPort extends SqlPort {
  /** How many writes this port has run: a caller compares before and after an operation. */
  writes(): number;
  /** Resolves when everything written so far is committed; rejects if that commit failed. */
  committed(): Promise<void>;
  /**
   * Runs fn outside the group commit: each transaction it opens is a top-level one, committed on its own.
   * For opening a file (migrations, a replay of the views): the same replay as a savepoint inside the
   * batch's BEGIN ran 33 times slower (28,000 events: 67 s against 2 s).
   */
  alone<T>(fn: () => T): T;
  close(): void;
}

/**
 * The ledger's SQL port over better-sqlite3: one file, WAL, statements prepared once.
 *
 * Group commit: commands arriving in the same event-loop turn share one SQLite transaction, each in
 * its own savepoint (better-sqlite3 nests `db.transaction` as savepoints inside an open BEGIN), so a
 * refused command rolls back alone. The batch commits on setImmediate, and callers acknowledge a
 * command only after `committed()`: one WAL commit per turn instead of one per command, nothing
 * acknowledged before it is durable in the WAL.
 */
export function sqlitePort(
  filename: string,
  /** A reader beside the file's writer (the HTTP thread's token reads). */
  options: { readonly?: boolean } = {},
): NodeSqlPort {
  const readonly = options.readonly ?? false;
  const db = new Database(filename, { readonly, fileMustExist: readonly });
  if (!readonly) db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt; a process crash loses nothing.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Each command's savepoint keeps a statement journal of the pages it changes; on disk those were most
  // of this process's writes (about 360 of 510 MB/s under bench:api). In memory they cost a batch's pages.
  db.pragma('temp_store = MEMORY');
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

  let batch: Promise<void> | null = null;
  let writes = 0;
  let unbatched = false;
  const openBatch = () => {
    if (batch || unbatched) return;
    db.exec('BEGIN IMMEDIATE');
    batch = new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        batch = null;
        try {
          db.exec('COMMIT');
          resolve();
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          reject(new Error(`[ledger] [sqlite] commit failed: ${(error as Error).message}`));
        }
      }),
    );
    // Callers observe failures through committed(); this keeps an unobserved batch from crashing the process.
    batch.catch(() => {});
  };
  const write = <T>(fn: () => T): T => {
    writes++;
    openBatch();
    return storageErrors(fn);
  };

  // A statement that returns rows may still write (INSERT … RETURNING): it joins the batch.
  const query = (sql: string, params: SqlValue[], fn: (statement: Database.Statement) => unknown) => {
    checkBound(sql, params);
    const statement = prepare(sql);
    return statement.readonly ? storageErrors(() => fn(statement)) : write(() => fn(statement));
  };

  return {
    exec: (sql) => write(() => void db.exec(sql)),
    all: <T>(sql: string, ...params: SqlValue[]) => query(sql, params, (st) => st.all(...params)) as T[],
    one: <T>(sql: string, ...params: SqlValue[]) => query(sql, params, (st) => st.get(...params)) as T | undefined,
    run: (sql, ...params) => {
      checkBound(sql, params);
      return write(() => prepare(sql).run(...params).changes);
    },
    transaction: (fn) => write(() => db.transaction(fn)()),
    committed: () => batch ?? Promise.resolve(),
    alone: (fn) => {
      if (batch) return fn(); // a batch is open: fn joins it, as any command would
      unbatched = true;
      try {
        return fn();
      } finally {
        unbatched = false;
      }
    },
    writes: () => writes,
    close: () => {
      if (db.inTransaction) db.exec('COMMIT');
      db.close();
    },
  };
}

// SQLite's result codes for a failing store, as opposed to a statement at fault (a bug).
const storageCodes = /^SQLITE_(IOERR|FULL|BUSY|LOCKED|NOMEM|READONLY|CANTOPEN|CORRUPT|NOTADB|PROTOCOL)/;

function storageErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && storageCodes.test(code)) {
      throw new StorageError(`[ledger] [sqlite] ${code}: ${(error as Error).message}`);
    }
    throw error;
  }
}
