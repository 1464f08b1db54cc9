import { relativeTime } from './time.ts';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "3 Jan 2026, 14:05 (2 days ago)": an absolute date a person can act on, with how long ago it was. */
export function dateWithRelative(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return `${dateTime.format(at)} (${relativeTime(iso)})`;
}
