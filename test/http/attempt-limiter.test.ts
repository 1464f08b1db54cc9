import { expect, it } from 'vitest';
import { attemptLimiter } from '../../server/http/attempt-limiter.ts';

it('blocks a key after its failures, for the rest of the window only', () => {
  let now = 0;
  const limiter = attemptLimiter(3, 60_000, () => now);
  for (let i = 0; i < 3; i++) {
    expect(limiter.blockedFor('a')).toBe(0);
    limiter.fail('a');
  }
  expect(limiter.blockedFor('a')).toBe(60);
  expect(limiter.blockedFor('b')).toBe(0);
  now = 45_000;
  expect(limiter.blockedFor('a')).toBe(15);
  now = 60_000;
  expect(limiter.blockedFor('a')).toBe(0);
});
