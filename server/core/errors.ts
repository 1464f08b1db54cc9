import type { ErrorCode } from '../../shared/errors.ts';

/**
 * A refusal by the ledger: a stable code, a human message, optionally the fields at fault, and for a
 * limit the seconds until it lifts (the response's Retry-After).
 */
export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** For a limit: seconds until it lets the request through again (the 429's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

export const notFound = (what: string) => new LedgerError('not_found', `${what} not found`);

/**
 * The storage itself failed (disk full, I/O error, busy beyond its timeout): SQL ports throw this, the
 * command's transaction rolls back whole, and callers get `unavailable` (503) to retry.
 */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}
