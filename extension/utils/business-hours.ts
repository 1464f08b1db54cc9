import { i18n } from '#i18n';
import type { BusinessHours } from '../../shared/people.ts';

/** A weekday's name in the reader's locale; 2024-01-01 was a Monday. */
const dayName = (day: number, weekday: 'short' | 'long') =>
  new Intl.DateTimeFormat(undefined, { weekday, timeZone: 'UTC' }).format(Date.UTC(2024, 0, day));

/** ISO weekdays, 1 = Monday … 7 = Sunday, as the schema counts them. */
export const weekdays: { day: number; short: string; long: string }[] = [1, 2, 3, 4, 5, 6, 7].map((day) => ({
  day,
  short: dayName(day, 'short'),
  long: dayName(day, 'long'),
}));

/** Zones offered in the time-zone box; any IANA zone may still be typed. */
export const commonTimeZones = [
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Mexico_City',
];

/** "Mon–Fri", "Mon, Wed, Sat": consecutive days collapse into ranges. */
export function daysText(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => weekdays[d - 1]?.short ?? String(d);
  return runs.map((r) => (r.length > 2 ? `${name(r[0])}–${name(r.at(-1)!)}` : r.map(name).join(', '))).join(', ');
}

/** "Mon–Fri, 09:00–17:00 (Europe/London)". */
export function hoursText(hours: BusinessHours): string {
  return i18n.t('ui.hoursText', [daysText(hours.days), hours.start, hours.end, hours.timeZone]);
}
