import { describe, expect, it } from 'vitest';
import { hours, nums, pct, rangeText, score, weekTick } from '../../../extension/entrypoints/leaderboard/format.ts';

// The test runs in English (en-US): what Intl and the catalogue write there is what people read today.
const range = (period: string, label: string, from: string | null = null, to: string | null = null) =>
  rangeText({ period, label, from, to });

describe("the managers' page's periods and figures", () => {
  it('names each period as people do', () => {
    expect(range('week', '2026-W49')).toBe('Week 49, 2026');
    expect(range('week', '2026-W05')).toBe('Week 5, 2026');
    expect(range('month', '2026-12')).toBe('December 2026');
    expect(range('month', '2027-01')).toBe('January 2027');
    expect(range('quarter', '2026-Q4')).toBe('Q4 2026');
    expect(range('year', '2026')).toBe('2026');
    expect(range('all', 'all')).toBe('All time');
    expect(range('custom', '2026-11-01..2026-12-01', '2026-11-01', '2026-12-01')).toBe('Nov 1, 2026 – Dec 1, 2026');
  });

  it('writes shares, scores, standards, week ticks and series', () => {
    expect(pct(0.425)).toBe('43%');
    expect(pct(1)).toBe('100%');
    expect(pct(null)).toBe('—');
    expect(score(4)).toBe('4.0');
    expect(score(3.96)).toBe('4.0');
    expect(score(undefined)).toBe('—');
    expect(hours(4)).toBe('4h');
    expect(hours(36)).toBe('36h');
    expect(hours(48)).toBe('2d');
    expect(weekTick('2026-W05')).toBe('W05');
    expect(nums([3, 1200, 7])).toBe('3, 1,200, 7');
  });
});
