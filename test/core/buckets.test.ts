import { expect, it } from 'vitest';
import { bucketOf, lastWeeks, tile, weekStart } from '../../server/core/views/buckets.ts';

const DAY = 86_400_000;
const days = (grain: string, bucket: string) => {
  if (grain === 'day') return 1;
  if (grain === 'week') return 7;
  if (grain === 'year') return (Date.UTC(Number(bucket) + 1, 0, 1) - Date.UTC(Number(bucket), 0, 1)) / DAY;
  const [y, rest] = bucket.split('-');
  const m0 = grain === 'month' ? Number(rest) - 1 : (Number(rest.slice(1)) - 1) * 3;
  const m1 = grain === 'month' ? m0 + 1 : m0 + 3;
  return (Date.UTC(Number(y), m1, 1) - Date.UTC(Number(y), m0, 1)) / DAY;
};

it('tiles a custom range with the fewest whole years, quarters, months and days', () => {
  expect(tile('2026-01-01', '2026-12-31')).toEqual([['year', '2026']]);
  // Thursday 15 January: four days, a whole week, the rest of January by day (a week would spill over).
  expect(tile('2026-01-15', '2026-03-31')).toEqual([
    ...['15', '16', '17', '18'].map((d) => ['day', `2026-01-${d}`]),
    ['week', '2026-W04'],
    ...['26', '27', '28', '29', '30', '31'].map((d) => ['day', `2026-01-${d}`]),
    ['month', '2026-02'],
    ['month', '2026-03'],
  ]);
  expect(tile('2025-10-01', '2026-06-30')).toEqual([
    ['quarter', '2025-Q4'],
    ['quarter', '2026-Q1'],
    ['quarter', '2026-Q2'],
  ]);
  // Any range: the tiles cover every day once, in order.
  for (let i = 0; i < 200; i++) {
    const from = Date.UTC(2024, 0, 1) + Math.floor(Math.random() * 900) * DAY;
    const to = from + Math.floor(Math.random() * 800) * DAY;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const tiles = tile(iso(from), iso(to));
    expect(tiles.reduce((n, [g, b]) => n + days(g, b), 0)).toBe((to - from) / DAY + 1);
    expect(tiles.filter(([g]) => g === 'day').length).toBeLessThanOrEqual(24);
  }
});

it('names ISO weeks by their Thursday and finds their Monday', () => {
  expect(bucketOf('week', new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
  expect(bucketOf('week', new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
  expect(bucketOf('week', new Date('2027-01-04T12:00:00Z'))).toBe('2027-W01');
  expect(weekStart('2026-W49').toISOString().slice(0, 10)).toBe('2026-11-30');
  expect(lastWeeks(new Date('2026-12-01T12:00:00Z'), 3)).toEqual(['2026-W47', '2026-W48', '2026-W49']);
});
