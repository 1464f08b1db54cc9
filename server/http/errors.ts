import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../shared/errors.ts';
import { LedgerError } from '../core/errors.ts';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_code: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  already_rated: 409,
  rating_not_applicable: 409,
  idempotency_key_reused: 422,
  self_thanks: 422,
  unknown_recipient: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** An error the API returns on purpose: a stable code, a human message, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** The one place errors become responses: `{ error: { code, message, fields? } }`. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError || err instanceof LedgerError) {
    // The storage failed and nothing was written: a retry with the same Idempotency-Key is safe.
    if (err.code === 'unavailable') c.header('Retry-After', '1');
    // A limit says when it lifts (sign-in attempts, writes per minute).
    if (err instanceof LedgerError && err.retryAfter) c.header('Retry-After', String(err.retryAfter));
    return c.json(errorBody(err.code, err.message, err.fields), statusOf[err.code]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(errorBody('bad_request', err.message || 'Bad request'), err.status as ContentfulStatusCode);
  }
  console.error('[tandem] unhandled error', err);
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}
