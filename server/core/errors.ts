import type { ErrorCode } from '../../shared/errors.ts';

/** A refusal by the ledger: a stable code, a human message, optionally the fields at fault. */
export class LedgerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

export const notFound = (what: string) => new LedgerError('not_found', `${what} not found`);
