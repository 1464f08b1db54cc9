import type { LedgerContext } from './context.ts';
import { LedgerError } from './errors.ts';

export interface Idempotent<T> {
  result: T;
  /** True when this key was seen before and the original result is returned. */
  replayed: boolean;
}

/**
 * Runs a create once per (person, key). A retry with the same request returns the original result;
 * the same key with a different request is refused. Call inside the command's transaction.
 */
export function once<T>(
  ctx: LedgerContext,
  personId: string,
  key: string,
  request: unknown,
  create: () => T,
): Idempotent<T> {
  const requestJson = JSON.stringify(request);
  const seen = ctx.sql.one<{ request: string; result: string }>(
    'SELECT request, result FROM idempotency WHERE person_id = ? AND key = ?',
    personId,
    key,
  );
  if (seen) {
    if (seen.request !== requestJson) {
      throw new LedgerError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request', {
        'Idempotency-Key': 'Already used with another body',
      });
    }
    return { result: JSON.parse(seen.result) as T, replayed: true };
  }
  const result = create();
  ctx.sql.run(
    'INSERT INTO idempotency (person_id, key, request, result, at) VALUES (?, ?, ?, ?, ?)',
    personId,
    key,
    requestJson,
    JSON.stringify(result),
    ctx.now().toISOString(),
  );
  return { result, replayed: false };
}
