import { ApiProblem } from '../utils/api.ts';
import type { Field } from './field.ts';
import { type Notices, reason } from './notices.ts';

/**
 * Puts a refusal's field errors next to their fields (a server path like `hours.end` goes to the
 * field keyed `hours.end`, else `hours`), and says the rest in the form's alert.
 */
export function showProblem(fields: Record<string, Field>, e: unknown, say: Notices, what: string): void {
  for (const f of Object.values(fields)) f.setError(null);
  const elsewhere: string[] = [];
  const placed = new Set<string>();
  if (e instanceof ApiProblem) {
    for (const [path, message] of Object.entries(e.fields)) {
      const key = Object.keys(fields)
        .filter((k) => path === k || path.startsWith(`${k}.`))
        .sort((a, b) => b.length - a.length)[0];
      if (key && !placed.has(key)) {
        fields[key].setError(message);
        placed.add(key);
      } else if (!key) elsewhere.push(`${path}: ${message}`);
    }
  }
  const invalid = e instanceof ApiProblem && e.code === 'validation_failed' && placed.size > 0;
  const detail = invalid ? 'check the marked fields.' : reason(e);
  say.fail([`${what}: ${detail}`, ...elsewhere].join(' '));
}

/** Clears every field's error. */
export const clearProblems = (fields: Record<string, Field>) => {
  for (const f of Object.values(fields)) f.setError(null);
};
