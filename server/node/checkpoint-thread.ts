import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';

/*
 * Copies the ledgers' WAL into their database files from a connection of its own, so most of the
 * checkpointing (with synchronous=NORMAL, the one step that syncs) happens beside the ledger thread.
 * PASSIVE never blocks the writer. The writer keeps SQLite's own autocheckpoint (1,000 pages): it then
 * finds those pages copied already and restarts the WAL, which stays small. Raising the writer's
 * threshold instead let the WAL grow and a sustained load drift (bench:soak at 2,000 writes a second:
 * p99 14 → 30 ms in three minutes; 14 → 14 as now). Tried again at 16,000 pages: each restart holds its
 * commit 3–11 ms, and ~60 ms apart at 1,500 a second these are the stalls in bench:api's tail, but rarer
 * restarts were no cure (two soaks of three faster, 10–14 against 16–20 ms; the third 13 → 30 ms, and
 * the steady half load's p99 54 ms). Small and often keeps the writer's tail short: a
 * look every 10 ms while the WAL moves, backing off to once a second when idle.
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
