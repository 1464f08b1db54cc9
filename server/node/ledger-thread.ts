import { parentPort, workerData } from 'node:worker_threads';
import { outboundPolicy } from '../delivery/policy.ts';
import { openLedgerFile } from './ledger-file.ts';
import { ledgerFiles } from './ledgers.ts';
import { sqlitePort } from './sqlite-port.ts';
import type { LedgerCall, LedgerReply } from './threaded-ledgers.ts';
import { tsWorker } from './ts-worker.ts';

/*
 * The ledger thread (threaded-ledgers.ts starts it): every organisation's SQLite file, so statements
 * and commits run beside the HTTP thread instead of between its requests. Messages arriving in one
 * turn still share one group commit.
 */
const { dataDir } = workerData as { dataDir: string };
/**
 * Where the checkpoint thread copies the WAL, the writer checkpoints (and so restarts the WAL) only this
 * far behind: about a second of sustained writes at 1,500 a second, a 64 MB WAL at most. At SQLite's 1,000
 * pages it restarted every ~60 ms under that load, and each restart held its commit 3–11 ms (the last
 * pages copied, the WAL and the file synced, the new WAL's header synced): bench:soak's p99 at 1,500 and
 * 2,000 a second fell from 16–20 ms to 10–14 ms. A lightly used ledger's WAL is copied whole between
 * writes and restarts at its next write, so it stays small.
 */
const writerCheckpointPages = 16_000;
const checkpoints = dataDir === ':memory:' ? null : tsWorker(new URL('./checkpoint-thread.ts', import.meta.url));
const files = ledgerFiles(dataDir, (filename) => {
  if (filename !== ':memory:') checkpoints?.postMessage({ watch: filename });
  return openLedgerFile(filename, { allowHttpWebhooks: outboundPolicy(process.env).allowHttp }, (name) =>
    sqlitePort(name, { walAutocheckpoint: checkpoints ? writerCheckpointPages : undefined }),
  );
});

const port = parentPort as NonNullable<typeof parentPort>;

// Calls come in groups (one per turn of the HTTP thread) and their replies go back the same way: every call of
// a group joins one group commit, and each turn costs one message each way instead of one per call.
const replies: LedgerReply[] = [];
const reply = (r: LedgerReply) => {
  if (replies.push(r) === 1) setImmediate(() => port.postMessage(replies.splice(0)));
};

port.on('message', (m: LedgerCall[] | { close: true }) => {
  if ('close' in m) {
    files.close();
    checkpoints?.postMessage({ close: true });
    port.close();
    return;
  }
  for (const call of m) {
    files
      .file(call.orgId)
      .invoke(call.op, call.args)
      .then(
        (outcome) => reply({ id: call.id, outcome }),
        (e: Error) => reply({ id: call.id, bug: e.stack ?? String(e) }),
      );
  }
});
