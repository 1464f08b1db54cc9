import type { BusinessHours } from '../../shared/people.ts';

/** ISO weekdays, 1 = Monday … 7 = Sunday, as the schema counts them. */
export const weekdays: { day: number; short: string; long: string }[] = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 7, short: 'Sun', long: 'Sunday' },
];

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
  return `${daysText(hours.days)}, ${hours.start}–${hours.end} (${hours.timeZone})`;
}
