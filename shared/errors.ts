import * as z from 'zod';

/** Stable error codes: clients branch on these, never on messages. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'already_rated',
  'rating_not_applicable',
  'idempotency_key_reused',
  'self_thanks',
  'invalid_code',
  'unknown_recipient',
  /** Too many requests: wait the Retry-After header's seconds (429). */
  'rate_limited',
  /** The body is larger than the route accepts (413). */
  'payload_too_large',
  /** The body is not of a type the route accepts, e.g. not JSON (415). */
  'unsupported_media_type',
  /** The storage failed; nothing was written: try again (503, Retry-After). */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    /** Field path → what is wrong with it, for validation errors. */
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
