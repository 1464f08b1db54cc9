import { parentPort, workerData } from 'node:worker_threads';
import { outboundPolicy } from '../delivery/policy.ts';
import { openLedgerFile } from './ledger-file.ts';
import { ledgerFiles } from './ledgers.ts';
import type { LedgerCall, LedgerReply } from './threaded-ledgers.ts';
import { tsWorker } from './ts-worker.ts';

/*
 * The ledger thread (threaded-ledgers.ts starts it): every organisation's SQLite file, so statements
 * and commits run beside the HTTP thread instead of between its requests. Messages arriving in one
 * turn still share one group commit.
 */
const { dataDir } = workerData as { dataDir: string };
const checkpoints = dataDir === ':memory:' ? null : tsWorker(new URL('./checkpoint-thread.ts', import.meta.url));
const files = ledgerFiles(dataDir, (filename) => {
  if (filename !== ':memory:') checkpoints?.postMessage({ watch: filename });
  return openLedgerFile(filename, { allowHttpWebhooks: outboundPolicy(process.env).allowHttp });
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
