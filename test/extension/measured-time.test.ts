import { describe, expect, it } from 'vitest';
import { time } from '../../extension/entrypoints/leaderboard/format.ts';

const m = 60_000;
const h = 60 * m;
const d = 24 * h;

describe("the managers' page's times", () => {
  it('tell apart medians that differ by more than a minute, past ten hours and past a week too', () => {
    expect(time(7 * h + 48 * m)).toBe('7h 48m');
    expect(time(12 * h + 25 * m)).toBe('12h 25m');
    expect(time(12 * h + 5 * m)).toBe('12h 5m');
    expect(time(8 * d + 3 * h)).toBe('8d 3h');
    expect(time(8 * d + 9 * h)).toBe('8d 9h');
  });

  it('show times under a minute in seconds, and round up into the larger unit', () => {
    expect(time(45_000)).toBe('45s');
    expect(time(12 * m + 30_000)).toBe('12m 30s');
    expect(time(59_600)).toBe('1m');
    expect(time(3 * h)).toBe('3h');
    expect(time(d - 20_000)).toBe('1d');
    expect(time(null)).toBe('—');
  });
});
