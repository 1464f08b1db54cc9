import { describe, expect, it } from 'vitest';
import { timeOrderedIds } from '../../server/core/ids.ts';

describe('time-ordered ids', () => {
  it('keep the old shape: a prefix and 20 hex digits', () => {
    expect(timeOrderedIds()('t')).toMatch(/^t_[0-9a-f]{20}$/);
  });

  it('sort by creation across milliseconds, so new rows append to their indexes', () => {
    let ms = Date.UTC(2026, 11, 1);
    const id = timeOrderedIds(() => ms);
    const made: string[] = [];
    for (let i = 0; i < 50; i++) {
      made.push(id('a'));
      ms += 1 + (i % 3);
    }
    expect([...made].sort()).toEqual(made);
  });

  it('never repeat within one ledger: many in one millisecond, and a clock that steps back', () => {
    let ms = Date.UTC(2026, 11, 1);
    const id = timeOrderedIds(() => ms);
    const made: string[] = [];
    for (let i = 0; i < 10_000; i++) made.push(id('t')); // one frozen millisecond (as in a Worker request)
    ms -= 60_000; // NTP steps the clock back a minute
    for (let i = 0; i < 100; i++) made.push(id('t'));
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });

  it('carry into the next millisecond when the random part runs out', () => {
    const ms = Date.UTC(2026, 11, 1);
    const random = Math.random;
    Math.random = () => 1 - 2 ** -40; // the largest random part
    try {
      const id = timeOrderedIds(() => ms);
      const [a, b] = [id('t'), id('t')];
      expect(b > a).toBe(true);
      expect(b.slice(2, 13)).toBe((ms + 1).toString(16).padStart(11, '0'));
    } finally {
      Math.random = random;
    }
  });
});
