import { request } from './messages.ts';

/**
 * The shared zod schemas the panel's forms are checked against. The schemas run in the background (which
 * has zod anyway), so the panel never loads zod: a quarter of its JavaScript. One message, about a
 * millisecond, before a send.
 */
export type SchemaName = 'signIn' | 'ask' | 'thank' | 'rate' | 'reply' | 'transition';

/** A form's values as the schema reads them (trimmed, defaults filled), or each field's first problem. */
export type Checked<T = unknown> = { ok: true; data: T } | { ok: false; fields: Record<string, string> };

export function validate<T = unknown>(schema: SchemaName, body: unknown): Promise<Checked<T>> {
  return request({ type: 'validate', schema, body }) as Promise<Checked<T>>;
}
