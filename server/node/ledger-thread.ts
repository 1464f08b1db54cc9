import { parentPort, workerData } from 'node:worker_threads';
import type { LedgerOp } from '../core/remote.ts';
import { outboundPolicy } from '../delivery/policy.ts';
import { openLedgerFile } from './ledger-file.ts';
import { ledgerFiles } from './ledgers.ts';
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

type Message = { id: number; orgId: string; op: LedgerOp; args: unknown[] } | { close: true };
const port = parentPort as NonNullable<typeof parentPort>;

port.on('message', (m: Message) => {
  if ('close' in m) {
    files.close();
    checkpoints?.postMessage({ close: true });
    port.close();
    return;
  }
  files
    .file(m.orgId)
    .invoke(m.op, m.args)
    .then(
      (outcome) => port.postMessage({ id: m.id, outcome }),
      (e: Error) => port.postMessage({ id: m.id, bug: e.stack ?? String(e) }),
    );
});
