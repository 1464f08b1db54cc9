import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';

/*
 * Copies the ledgers' WAL into their database files from a connection of its own, so the ledger
 * thread's commits never wait for a checkpoint (with synchronous=NORMAL, the one step that syncs).
 * PASSIVE never blocks the writer; the ledger thread still checkpoints itself if this one falls far
 * behind (sqlite-port.ts, walAutocheckpoint). Small and often is what keeps the writer's tail short:
 * under bench:api a checkpoint every 10 ms gave a p99 of 16–19 ms, every 50 ms 22–24, every 200 ms 33.
 * Idle, it backs off to once a second.
 */
const busyMs = 10;
const idleMs = 1_000;
const files = new Map<string, { db: Database.Database; frames: number }>();
const port = parentPort as NonNullable<typeof parentPort>;
let timer: NodeJS.Timeout | undefined;
let delay = busyMs;

port.on('message', (m: { watch: string } | { close: true }) => {
  if ('close' in m) {
    clearTimeout(timer);
    for (const f of files.values()) f.db.close();
    port.close();
  } else if (!files.has(m.watch)) {
    const db = new Database(m.watch);
    db.pragma('busy_timeout = 100');
    files.set(m.watch, { db, frames: -1 });
    delay = busyMs;
    schedule();
  }
});

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(checkpoint, delay);
}

function checkpoint() {
  let moved = false;
  for (const [file, f] of files) {
    try {
      const [{ log }] = f.db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      if (log !== f.frames) moved = true; // the WAL changed since the last look
      f.frames = log;
    } catch (e) {
      console.error(`[tandem] checkpoint of ${file} failed: ${(e as Error).message}`);
    }
  }
  delay = moved ? busyMs : Math.min(idleMs, delay * 2);
  schedule();
}
