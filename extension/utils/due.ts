import { i18n } from '#i18n';
import type { Ask } from '../../shared/asks.ts';
import { duration } from './duration.ts';

export { duration };

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export interface Due {
  /** "Due in 3h" or "Overdue by 1d". */
  text: string;
  overdue: boolean;
  at: string;
  /** Which target of the service standard this is. */
  target: 'first response' | 'resolution';
}

/**
 * The deadline that matters now: the first response until someone answered, then the resolution.
 * Null once the ask is closed or when its department has no standard (asks to a person).
 */
export function nextDue(ask: Pick<Ask, 'status' | 'firstResponseAt' | 'clock'>, now = Date.now()): Due | null {
  if (ask.status === 'resolved' || ask.status === 'declined') return null;
  const first = !ask.firstResponseAt && ask.clock.firstResponseDueAt;
  const at = first ? ask.clock.firstResponseDueAt : ask.clock.resolutionDueAt;
  if (!at) return null;
  return { ...dueText(at, now), at, target: first ? 'first response' : 'resolution' };
}

/** "Due in 3h" / "Overdue by 1d" for one deadline. */
export function dueText(at: string, now = Date.now()): { text: string; overdue: boolean } {
  const left = Date.parse(at) - now;
  return left >= 0
    ? { text: i18n.t('ui.dueIn', [duration(left)]), overdue: false }
    : { text: i18n.t('ui.overdueBy', [duration(left)]), overdue: true };
}

/** "Tue 14:00", or with the date when it is more than a week away. */
export function deadline(iso: string, now = Date.now()): string {
  const d = new Date(iso);
  const far = Math.abs(d.getTime() - now) > 6 * day;
  return d.toLocaleString(undefined, {
    weekday: far ? undefined : 'short',
    day: far ? 'numeric' : undefined,
    month: far ? 'short' : undefined,
    hour: 'numeric',
    minute: '2-digit',
  });
}
