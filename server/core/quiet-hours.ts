import type { QuietHours } from '../../shared/notifications.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at `at` in a time zone, as HH:MM (24-hour). */
export function clockIn(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

/** Whether `at` falls in the quiet hours (start included, end not; an end before the start spans midnight). */
export function isQuiet(quiet: QuietHours | null, at: Date, timeZone: string): boolean {
  if (!quiet) return false;
  const now = clockIn(at, timeZone);
  return quiet.start < quiet.end ? now >= quiet.start && now < quiet.end : now >= quiet.start || now < quiet.end;
}
