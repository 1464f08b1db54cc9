import { i18n } from '#i18n';
import { ApiProblem } from '../utils/api.ts';
import { reason } from './notices.tsx';

/**
 * A refusal as the form shows it: each field error keyed by the form's field (a server path like
 * `hours.end` goes to the field `hours.end`, else `hours`), and one sentence for the form's alert.
 */
export function problemOf(e: unknown, keys: readonly string[], what: string) {
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  if (e instanceof ApiProblem) {
    for (const [path, message] of Object.entries(e.fields)) {
      const key = keys.filter((k) => path === k || path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
      if (key) fields[key] ??= message;
      else elsewhere.push(`${path}: ${message}`);
    }
  }
  const placed = Object.keys(fields).length > 0;
  const invalid = e instanceof ApiProblem && e.code === 'validation_failed' && placed;
  const detail = invalid ? i18n.t('ui.checkMarkedFields') : reason(e);
  return { fields, alert: [i18n.t('ui.problemIn', [what, detail]), ...elsewhere].join(' ') };
}
