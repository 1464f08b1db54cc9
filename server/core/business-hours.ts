import type { BusinessHours } from '../../shared/people.ts';

/*
 * Business-hours arithmetic in a department's own time zone: how many working milliseconds lie
 * between two instants, and when a number of working milliseconds after an instant runs out.
 * Daylight-saving changes are handled by converting each day's window through Intl.
 */

const DAY = 86_400_000;
const MAX_DAYS = 3_700; // ten years: a bound on every loop, whatever the input

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsOf(at: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const { type, value } of f.formatToParts(at)) if (type !== 'literal') p[type] = Number(value);
  return p as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The local calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(at: number, timeZone: string): string {
  const p = partsOf(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Remembered conversions: every ask's clock walks the same few days' windows, and Intl is slow
 * (two formatToParts per conversion). Pure, so a bounded map is enough.
 */
const zoned = new Map<string, number>();

/** The UTC instant of a local wall-clock time. */
function zonedToUtc(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const key = `${timeZone} ${y}-${m}-${d} ${minutes}`;
  let at = zoned.get(key);
  if (at === undefined) {
    if (zoned.size >= 50_000) zoned.clear();
    at = convert(y, m, d, minutes, timeZone);
    zoned.set(key, at);
  }
  return at;
}

function convert(y: number, m: number, d: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d) + minutes * 60_000;
  const offsetAt = (t: number) => {
    const p = partsOf(t, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The working windows [start, end) in UTC, day by day, from the local day containing `from`. */
function* windows(from: number, hours: BusinessHours): Generator<[number, number]> {
  const p = partsOf(from, hours.timeZone);
  const open = minutesOf(hours.start);
  const close = minutesOf(hours.end);
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = new Date(Date.UTC(p.year, p.month - 1, p.day) + i * DAY);
    const isoWeekday = day.getUTCDay() || 7;
    if (!hours.days.includes(isoWeekday)) continue;
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    yield [zonedToUtc(y, m, d, open, hours.timeZone), zonedToUtc(y, m, d, close, hours.timeZone)];
  }
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function businessMs(from: number, to: number, hours: BusinessHours): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [start, end] of windows(from, hours)) {
    if (start >= to) break;
    total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return total;
}

/** The instant at which `ms` working milliseconds after `from` have passed. */
export function addBusinessMs(from: number, ms: number, hours: BusinessHours): number {
  let remaining = ms;
  for (const [start, end] of windows(from, hours)) {
    if (end <= from) continue;
    const begin = Math.max(start, from);
    if (remaining <= end - begin) return begin + remaining;
    remaining -= end - begin;
  }
  return Number.POSITIVE_INFINITY;
}
