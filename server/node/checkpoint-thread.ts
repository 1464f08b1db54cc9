import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';

/*
 * Copies the ledgers' WAL into their database files from a connection of its own, so the ledger
 * thread's commits never wait for a checkpoint (with synchronous=NORMAL, the one step that syncs).
 * PASSIVE never blocks the writer; the ledger thread still checkpoints itself if this one falls far
 * behind (sqlite-port.ts, walAutocheckpoint).
 */
const everyMs = 50;
const files = new Map<string, Database.Database>();
const port = parentPort as NonNullable<typeof parentPort>;

port.on('message', (m: { watch: string } | { close: true }) => {
  if ('close' in m) {
    clearInterval(timer);
    for (const db of files.values()) db.close();
    port.close();
  } else if (!files.has(m.watch)) {
    const db = new Database(m.watch);
    db.pragma('busy_timeout = 100');
    files.set(m.watch, db);
  }
});

const timer = setInterval(() => {
  for (const [file, db] of files) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      console.error(`[tandem] checkpoint of ${file} failed: ${(e as Error).message}`);
    }
  }
}, everyMs);
