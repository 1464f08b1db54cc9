import type { Storage } from 'unstorage';
import { createOrgLedger, type OrgLedger } from '../core/ledger.ts';
import { type LedgerOp, type Ledgers, type Outcome, runOp } from '../core/remote.ts';
import { ledgerFilename, registeredLedgers } from './ledgers.ts';
import { sqlitePort } from './sqlite-port.ts';
import { tsWorker } from './ts-worker.ts';

type Reply = { id: number; outcome: Outcome } | { id: number; bug: string };

/**
 * Node's ledgers in a thread of their own (ledger-thread.ts): the HTTP thread parses, validates and
 * answers while SQLite works beside it. What a command returns crosses as a structured clone; a
 * refusal is data already (remote.ts). If the thread dies, what was in flight is refused, never
 * acknowledged: it was not committed.
 */
export function threadedLedgers(dataDir: string, storage: Storage): Ledgers & { close(): Promise<void> } {
  const worker = tsWorker(new URL('./ledger-thread.ts', import.meta.url), { workerData: { dataDir } });
  const waiting = new Map<number, { resolve: (o: Outcome) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', (reply: Reply) => {
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!waiting.size) worker.unref();
    if ('bug' in reply) call?.reject(new Error(`[ledger thread] ${reply.bug}`));
    else call?.resolve(reply.outcome);
  });
  // A dead thread refuses what was in flight and everything after: nothing would ever answer it.
  let dead: Error | null = null;
  const fail = (e: Error) => {
    dead ??= e;
    for (const call of waiting.values()) call.reject(e);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`[ledger thread] exited with code ${code}`)));
  // A call in flight keeps the process alive; an idle thread does not (the HTTP server does).
  worker.unref();

  const inThread = (orgId: string, op: LedgerOp, args: unknown[]) =>
    new Promise<Outcome>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = next++;
      if (!waiting.size) worker.ref();
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, orgId, op, args });
    }).then((outcome) => {
      opened.add(orgId);
      return outcome;
    });

  // Every request authenticates first: one indexed read, answered here from a read-only connection
  // (it sees every committed token and revocation), so a request does not queue twice behind the
  // ledger thread's batch. Only once the thread has opened the file, and so migrated it.
  const opened = new Set<string>();
  const readers = new Map<string, { ledger: OrgLedger; close(): void }>();
  const reader = (orgId: string) => {
    let r = readers.get(orgId);
    if (!r) {
      const port = sqlitePort(ledgerFilename(dataDir, orgId), { readonly: true });
      r = { ledger: createOrgLedger(port, { readOnly: true }), close: port.close };
      readers.set(orgId, r);
    }
    return r.ledger;
  };

  return {
    ...registeredLedgers(storage, (orgId, op, args) =>
      op === 'authenticate' && opened.has(orgId) && dataDir !== ':memory:'
        ? Promise.resolve(runOp(reader(orgId), op, args))
        : inThread(orgId, op, args),
    ),
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of readers.values()) r.close();
        readers.clear();
        worker.once('exit', () => resolve());
        worker.postMessage({ close: true });
      }),
  };
}
