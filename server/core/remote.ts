import type { ErrorCode } from '../../shared/errors.ts';
import { LedgerError, StorageError } from './errors.ts';
import type { OrgLedger } from './ledger.ts';

/**
 * The ledger as the HTTP layer sees it: every operation async, because on the Worker it is an RPC
 * call to the organisation's Durable Object. On Node the same shape wraps the in-process ledger.
 */
export type AsyncLedger = {
  [K in keyof OrgLedger]: (...args: Parameters<OrgLedger[K]>) => Promise<Awaited<ReturnType<OrgLedger[K]>>>;
};

export type LedgerOp = keyof OrgLedger;

/** A ledger refusal travels as data: custom error classes do not survive RPC. */
export type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: ErrorCode; message: string; fields?: Record<string, string>; retryAfter?: number } };

/** Runs one operation on a ledger and returns its outcome; refusals become data, bugs still throw. */
export function runOp(ledger: OrgLedger, op: LedgerOp, args: unknown[]): Outcome {
  try {
    const fn = ledger[op] as (...a: unknown[]) => unknown;
    return { ok: true, value: fn(...args) };
  } catch (e) {
    if (e instanceof LedgerError) {
      return { ok: false, error: { code: e.code, message: e.message, fields: e.fields, retryAfter: e.retryAfter } };
    }
    if (e instanceof StorageError) return unavailable(e.message);
    throw e;
  }
}

/** The storage failed and the command wrote nothing. */
export const unavailable = (why: string): Outcome => ({
  ok: false,
  error: { code: 'unavailable', message: `Storage is unavailable; nothing was saved. Try again. (${why})` },
});

/** Builds an AsyncLedger from a function that runs one operation somewhere (in process, or over RPC). */
export function asyncLedger(invoke: (op: LedgerOp, args: unknown[]) => Promise<Outcome>): AsyncLedger {
  return new Proxy({} as AsyncLedger, {
    get: (_, op) => {
      // Not a thenable: `await ledgers.open(…)` must not mistake the ledger for a promise.
      if (op === 'then' || typeof op === 'symbol') return undefined;
      return async (...args: unknown[]) => {
        const outcome = await invoke(op as LedgerOp, args);
        if (outcome.ok) return outcome.value;
        const { code, message, fields, retryAfter } = outcome.error;
        throw new LedgerError(code, message, fields, retryAfter);
      };
    },
  });
}

/** The name of the ledger with no organisation (no organisation id has a `~`). */
export const unknownOrgsId = '~unknown-organisations';

/** Where organisations' ledgers live: a file each on Node, a Durable Object each on the Worker. */
export interface Ledgers {
  /** The organisation's ledger, or null when there is no such organisation. */
  open(orgId: string): Promise<AsyncLedger | null>;
  /**
   * A ledger with no organisation, shared like any ledger (in memory on Node's one process, one Durable
   * Object on the Worker): sign-ins to organisations that do not exist are refused and counted there
   * exactly as wrong codes are in a real one, so the two cannot be told apart.
   */
  unknownOrgs(): AsyncLedger;
  /** Makes a new organisation's ledger (empty until init). */
  create(orgId: string): Promise<AsyncLedger>;
}
