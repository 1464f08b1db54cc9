import type { Ask } from '../../shared/asks.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "45m", "3h", "3h 20m", "2d", "2d 4h": two units at most, for service times. */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / minute));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 24 * 60) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m && h < 10 ? `${h}h ${m}m` : `${h}h`;
  }
  const hours = Math.round(minutes / 60);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h && d < 7 ? `${d}d ${h}h` : `${d}d`;
}

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
    ? { text: `Due in ${duration(left)}`, overdue: false }
    : { text: `Overdue by ${duration(left)}`, overdue: true };
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
