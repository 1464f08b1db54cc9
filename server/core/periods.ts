import type { Period } from '../../shared/leaderboard.ts';

/** The bucket an instant falls in, per period: 2026-W48, 2026-11, 2026-Q4, all. UTC. */
export function bucketOf(period: Period, at: Date): string {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  switch (period) {
    case 'week':
      return isoWeek(at);
    case 'month':
      return `${y}-${String(m + 1).padStart(2, '0')}`;
    case 'quarter':
      return `${y}-Q${Math.floor(m / 3) + 1}`;
    case 'all':
      return 'all';
  }
}

export const periods: readonly Period[] = ['week', 'month', 'quarter', 'all'];

function isoWeek(at: Date): string {
  // The ISO week belongs to the year of its Thursday.
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
