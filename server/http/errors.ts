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
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};

const httpCodes: Partial<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** An error the API returns on purpose: a stable code, a human message, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** For a limit: seconds until it lets the request through again (the 429's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Per-minute limits count calendar minutes: what is left of this one. */
const restOfMinute = (now = Date.now()) => Math.ceil((60_000 - (now % 60_000)) / 1000);

export function errorBody(code: ErrorCode, message: string, fields?: Record<string, string>): ErrorBody {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** The one place errors become responses: `{ error: { code, message, fields? } }`. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError || err instanceof LedgerError) {
    // The storage failed and nothing was written: a retry with the same Idempotency-Key is safe.
    if (err.code === 'unavailable') c.header('Retry-After', '1');
    // Every 429 says when to come back: each ledger limit gives its own wait; the end of the minute is a fallback.
    if (err.code === 'rate_limited' && !c.res.headers.has('Retry-After')) {
      c.header('Retry-After', String(Math.max(1, err.retryAfter ?? restOfMinute())));
    }
    return c.json(errorBody(err.code, err.message, err.fields), statusOf[err.code]);
  }
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own refusals (its middleware throws these), under the code their status stands for.
    const code = httpCodes[err.status] ?? 'bad_request';
    if (code === 'rate_limited') c.header('Retry-After', String(restOfMinute()));
    return c.json(errorBody(code, err.message || 'Bad request'), err.status as ContentfulStatusCode);
  }
  console.error('[tandem] unhandled error', err);
  return c.json(errorBody('internal', 'Something went wrong on our side'), 500);
}
