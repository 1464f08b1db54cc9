import type { Context, Env, MiddlewareHandler, ValidationTargets } from 'hono';
import type { InferInput } from 'hono/validator';
import type * as z from 'zod';
import { ApiError } from './errors.ts';

/** The targets routes validate; a cookie or form target would need Hono's validator back. */
type Target = 'json' | 'query' | 'param' | 'header';

/** What a route's handler and the typed client see: zod's input in, its output out (as @hono/zod-validator types it). */
type Checked<T extends z.ZodType, K extends Target> = MiddlewareHandler<
  Env,
  string,
  {
    in: undefined extends z.input<T>
      ? { [P in K]?: [z.input<T>] extends [ValidationTargets[P]] ? z.input<T> : InferInput<z.input<T>, P> }
      : { [P in K]: [z.input<T>] extends [ValidationTargets[P]] ? z.input<T> : InferInput<z.input<T>, P> };
    out: { [P in K]: z.output<T> };
  },
  never
>;

/**
 * The raw value of a target, read as Hono's validator reads it (a repeated query key is an array, header names
 * are lower case). Hono's validator itself also reads forms and cookies, which no route takes: 1 kB of the
 * Worker's gzip.
 */
async function rawValue(c: Context, target: Target, schema: z.ZodType): Promise<unknown> {
  if (target === 'json') return c.req.json();
  if (target === 'param') return c.req.param();
  if (target === 'query') {
    return Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => (v.length === 1 ? [k, v[0]] : [k, v])));
  }
  const shape = (schema as { shape?: object }).shape ?? {};
  const names = new Map(Object.keys(shape).map((key) => [key.toLowerCase(), key]));
  return Object.fromEntries(Object.entries(c.req.header()).map(([k, v]) => [names.get(k) ?? k, v]));
}

/** `application/json`, or a `+json` type, with any parameters (`; charset=utf-8`). */
const jsonType = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * A JSON body or nothing: another content type is refused (415) before anything runs. Hono's validator read
 * it as `{}`, and a route whose fields are all optional then succeeded without doing anything.
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

/** Refuses bad input with our error shape, naming every field at fault; the handler reads `c.req.valid(target)`. */
export const validate = <T extends z.ZodType, K extends Target>(target: K, schema: T): Checked<T, K> =>
  (async (c, next) => {
    if (target === 'json') await requireJson(c);
    const data = await rawValue(c, target, schema);
    const result = schema.safeParse(data); // sync: no schema refines asynchronously, and it skips a promise per field
    if (result.success) {
      c.req.addValidatedData(target, result.data as object);
      return next();
    }
    const fields: Record<string, string> = {};
    const missing: string[] = [];
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || (target === 'json' ? 'body' : target);
      if (path in fields) continue;
      const absent = issue.path.length > 0 && at(data, issue.path) === undefined;
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
  }) as Checked<T, K>;
