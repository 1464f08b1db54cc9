import { i18n } from '#i18n';
import { measured } from '../../../shared/format.ts';
import { localPair, localUnits } from '../../utils/duration.ts';
import { listOf, num } from '../../utils/format.ts';

/*
 * How the managers' page writes its numbers, times and periods: all through Intl in the browser's locale
 * (`undefined`), so "7h 48m", "42%" and "December 2026" read as the person's language writes them.
 * Formatters are made once: building an Intl object per table cell is slow.
 */
const none = '—';
const plain = new Intl.NumberFormat(undefined, { useGrouping: false });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const twoDigits = new Intl.NumberFormat(undefined, { useGrouping: false, minimumIntegerDigits: 2 });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const yearOnly = new Intl.DateTimeFormat(undefined, { year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export { num };

/** Counts one after another (a chart's series, for a screen reader): 3, 5, 7. */
export const nums = (ns: number[]) => listOf(ns.map(num));

/** A share (0..1) as a whole percentage, or a dash when there is none. */
export const pct = (share: number | null | undefined) => (share == null ? none : percent.format(share));

/** A rating out of 5 to one decimal, or a dash. */
export const score = (n: number | null | undefined) => (n == null ? none : oneDecimal.format(n));

/** A department's standard in hours: whole days as days (2d), otherwise hours (36h). */
export const hours = (h: number) => (h % 24 === 0 && h >= 24 ? localUnits(h / 24, 'day') : localUnits(h, 'hour'));

/** A measured duration, or a dash when there is none. */
export const time = (ms: number | null | undefined) => (ms == null ? none : measured(ms, localUnits, localPair));

/** A calendar day (2026-12-15) as the locale writes it: 15 Dec 2026. */
export const dayText = (iso: string) => dayFormat.format(new Date(`${iso}T12:00:00Z`));

/** A week of the trends ("2026-W05") as a chart's tick: W05, as ISO writes it. */
export const weekTick = (week: string) =>
  i18n.t('leaderboard.format.weekTick', [twoDigits.format(Number(week.slice(6)))]);

/** A period as people name it: Week 49, 2026 · December 2026 · Q4 2026 · 2026 · All time · 1 Nov 2026 – 1 Dec 2026. */
export function rangeText(range: { period: string; label: string; from: string | null; to: string | null }): string {
  const [y = '', rest = ''] = range.label.split('-');
  const year = Number(y);
  switch (range.period) {
    case 'week':
      return i18n.t('leaderboard.format.week', [plain.format(Number(rest.slice(1))), plain.format(year)]);
    case 'month':
      return monthYear.format(Date.UTC(year, Number(rest) - 1, 15));
    case 'quarter':
      return i18n.t('leaderboard.format.quarter', [plain.format(Number(rest.slice(1))), plain.format(year)]);
    case 'year':
      return Number.isFinite(year) && y ? yearOnly.format(Date.UTC(year, 6, 1)) : range.label;
    case 'all':
      return i18n.t('leaderboard.period.all');
    case 'custom':
      return range.from && range.to
        ? i18n.t('leaderboard.format.dayRange', [dayText(range.from), dayText(range.to)])
        : range.label;
    default:
      return range.label;
  }
}

const signedFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const instantFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A pulse's gap to one decimal with its sign (−1.3, +0.4, 0.0): below zero falls short of what matters. */
export const signed = (n: number) => signedFormat.format(n);

/** The day of an instant (a pulse's close), in the person's own time zone. */
export const instantDay = (iso: string) => instantFormat.format(new Date(iso));
