import { zValidator } from '@hono/zod-validator';
import type { Context, ValidationTargets } from 'hono';
import type * as z from 'zod';
import { ApiError } from './errors.ts';

/** `application/json`, or a `+json` type, with any parameters (`; charset=utf-8`). */
const jsonType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * A JSON body or nothing: another content type is refused (415) before anything runs. Hono's validator would
 * read it as `{}`, and a route whose fields are all optional would then succeed without doing anything.
 */
async function requireJson(c: Context) {
  if (!jsonType.test(c.req.header('content-type') ?? '')) {
    throw new ApiError('unsupported_media_type', 'The body must be JSON (Content-Type: application/json)');
  }
  try {
    await c.req.json(); // cached: the validator reads it again for free
  } catch {
    throw new ApiError('validation_failed', 'The body is not valid JSON', { body: 'Not valid JSON' });
  }
}

const at = (value: unknown, path: PropertyKey[]) =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );

/** zValidator that refuses bad input with our error shape, naming every field at fault. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) => {
  const check = zValidator(target, schema, (result) => {
    if (result.success) return;
    const fields: Record<string, string> = {};
    const missing: string[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || (target === 'json' ? 'body' : target);
      if (path in fields) continue;
      const absent = issue.path.length > 0 && at(result.data, issue.path) === undefined;
      // zod's own wording for a missing field is for programmers; a schema's own message is kept.
      fields[path] = absent && issue.message.startsWith('Invalid input') ? 'Required' : issue.message;
      if (absent) missing.push(path);
    }
    const wrong = Object.keys(fields).filter((f) => !missing.includes(f));
    const message = [
      missing.length ? `Missing: ${missing.join(', ')}` : '',
      wrong.length
        ? `Not valid: ${wrong.map((f) => (f === 'body' ? 'the body (a JSON object is expected)' : f)).join(', ')}`
        : '',
    ]
      .filter(Boolean)
      .join('. ');
    throw new ApiError('validation_failed', message, fields);
  });
  if (target !== 'json') return check;
  return (async (c, next) => {
    await requireJson(c);
    return check(c, next);
  }) as typeof check;
};
