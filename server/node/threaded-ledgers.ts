import type { Worker } from 'node:worker_threads';
import type { Storage } from 'unstorage';
import { createOrgLedger, type OrgLedger } from '../core/ledger.ts';
import { type LedgerOp, type Ledgers, type Outcome, runOp } from '../core/remote.ts';
import { ledgerFilename, registeredLedgers } from './ledgers.ts';
import { sqlitePort } from './sqlite-port.ts';
import { tsWorker } from './ts-worker.ts';

/** One call to the ledger thread, and its reply; each crosses in a group (one message per turn). */
export type LedgerCall = { id: number; orgId: string; op: LedgerOp; args: unknown[] };
export type LedgerReply = { id: number; outcome: Outcome } | { id: number; bug: string };

/** A thread that dies sooner than this after starting waits this long before the next start. */
const crashLoopMs = 1_000;

/** What a call in flight gets when the thread dies: it may or may not have committed. */
const interrupted: Outcome = {
  ok: false,
  error: {
    code: 'unavailable',
    message:
      'The ledger restarted before answering. Send the same request again with the same Idempotency-Key: if it was saved, that answers it, and it is not saved twice.',
  },
};

/**
 * Node's ledgers in a thread of their own (ledger-thread.ts): the HTTP thread parses, validates and
 * answers while SQLite works beside it. What a command returns crosses as a structured clone; a
 * refusal is data already (remote.ts).
 *
 * If the thread dies, each call in flight is refused (503): it was not acknowledged, and its
 * Idempotency-Key makes the client's retry safe whether or not it committed. A new thread starts at
 * once (after a second, if the last one died within a second of starting) and SQLite recovers the
 * files to their last commit; calls in between are refused the same way.
 */
export function threadedLedgers(
  dataDir: string,
  storage: Storage,
): Ledgers & { close(): Promise<void>; thread(): { worker: Worker | null; restarts: number } } {
  const waiting = new Map<number, { resolve: (o: Outcome) => void; reject: (e: Error) => void }>();
  let next = 0;
  let closing = false;
  let restarts = 0;
  let worker: Worker | null = null;

  const start = () => {
    const started = Date.now();
    const w = tsWorker(new URL('./ledger-thread.ts', import.meta.url), { workerData: { dataDir } });
    w.on('message', (replies: LedgerReply[]) => {
      for (const reply of replies) {
        const call = waiting.get(reply.id);
        waiting.delete(reply.id);
        if ('bug' in reply) call?.reject(new Error(`[ledger thread] ${reply.bug}`));
        else call?.resolve(reply.outcome);
      }
      if (!waiting.size) w.unref();
    });
    w.on('error', (e) => console.error(`[tandem] the ledger thread failed: ${e.stack ?? e}`));
    w.on('exit', (code) => {
      worker = null;
      for (const call of waiting.values()) call.resolve(interrupted);
      waiting.clear();
      if (closing) return;
      restarts++;
      console.error(`[tandem] the ledger thread exited (code ${code}); starting another`);
      const wait = Date.now() - started < crashLoopMs ? crashLoopMs : 0;
      setTimeout(() => {
        if (!closing) worker = start();
      }, wait).unref();
    });
    // A call in flight keeps the process alive; an idle thread does not (the HTTP server does).
    w.unref();
    return w;
  };
  worker = start();

  // The calls of one turn go to the thread as one message (ledger-thread.ts): they share its group commit.
  const calls: LedgerCall[] = [];
  const send = () => {
    // A call the thread's exit already answered (interrupted) is not sent to its successor.
    const group = calls.splice(0).filter((call) => waiting.has(call.id));
    if (group.length) worker?.postMessage(group);
  };
  const inThread = (orgId: string, op: LedgerOp, args: unknown[]) =>
    new Promise<Outcome>((resolve, reject) => {
      const w = worker;
      if (!w) return resolve(interrupted);
      const id = next++;
      if (!waiting.size) w.ref();
      waiting.set(id, { resolve, reject });
      if (calls.push({ id, orgId, op, args }) === 1) setImmediate(send);
    }).then((outcome) => {
      if (outcome !== interrupted) opened.add(orgId);
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
    /** The thread now running (tests stop it to see the next one take over), and how many have replaced it. */
    thread: () => ({ worker, restarts }),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const r of readers.values()) r.close();
        readers.clear();
        if (!worker) return resolve();
        worker.once('exit', () => resolve());
        worker.postMessage({ close: true });
      }),
  };
}
