/*
 * Time buckets of the precomputed views, all UTC: a day (2026-11-30), an ISO week (2026-W49), a month
 * (2026-11), a quarter (2026-Q4), a year (2026), and all time. Every event is counted once in each
 * grain, so a standard period is one bucket to read, and a custom range a few (days, months, quarters,
 * years that tile it).
 */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'all';
export const grains: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year', 'all'];

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

export function bucketOf(grain: Grain, at: Date): string {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  switch (grain) {
    case 'day':
      return `${y}-${pad(m + 1)}-${pad(at.getUTCDate())}`;
    case 'week':
      return isoWeek(at);
    case 'month':
      return `${y}-${pad(m + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(m / 3) + 1}`;
    case 'year':
      return String(y);
    case 'all':
      return 'all';
  }
}

/** Every grain's bucket for one instant: where an event is counted. */
export const bucketsAt = (at: Date) => grains.map((grain) => [grain, bucketOf(grain, at)] as const);

function isoWeek(at: Date): string {
  // The ISO week belongs to the year of its Thursday.
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${pad(week)}`;
}

/** The first day of an ISO week bucket. */
export function weekStart(bucket: string): Date {
  const [y, w] = bucket.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY;
  return new Date(monday + (w - 1) * 7 * DAY);
}

/** The last `n` ISO weeks up to and including the one containing `at`, oldest first. */
export function lastWeeks(at: Date, n: number): string[] {
  return Array.from({ length: n }, (_, i) => bucketOf('week', new Date(at.getTime() - (n - 1 - i) * 7 * DAY)));
}

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Few whole years, quarters, months, ISO weeks and days that tile [from, to] (dates, inclusive): a
 * year is read as one bucket, its ragged edges week by week and day by day. Weeks are used only inside
 * one month, so they never stand in the way of a month. At most 2×2 weeks and 4×6 days at the edges.
 */
export function tile(from: string, to: string): [Grain, string][] {
  const out: [Grain, string][] = [];
  let t = dayMs(from);
  const end = dayMs(to);
  while (t <= end) {
    const d = new Date(t);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    const fits = (next: number) => next - DAY <= end;
    const yearEnd = Date.UTC(y + 1, 0, 1);
    const quarterEnd = Date.UTC(y, Math.floor(m / 3) * 3 + 3, 1);
    const monthEnd = Date.UTC(y, m + 1, 1);
    if (m === 0 && day === 1 && fits(yearEnd)) {
      out.push(['year', String(y)]);
      t = yearEnd;
    } else if (m % 3 === 0 && day === 1 && fits(quarterEnd)) {
      out.push(['quarter', bucketOf('quarter', d)]);
      t = quarterEnd;
    } else if (day === 1 && fits(monthEnd)) {
      out.push(['month', bucketOf('month', d)]);
      t = monthEnd;
    } else if (d.getUTCDay() === 1 && fits(t + 7 * DAY) && t + 7 * DAY <= monthEnd) {
      out.push(['week', bucketOf('week', d)]);
      t += 7 * DAY;
    } else {
      out.push(['day', isoDay(t)]);
      t += DAY;
    }
  }
  return out;
}
