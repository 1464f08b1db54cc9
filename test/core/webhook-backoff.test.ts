import { describe, expect, it } from 'vitest';
import { backoff, backoffDelayMs, backoffStepMs, givenUp } from '../../server/core/backoff.ts';
import { isPrivateAddress } from '../../server/delivery/address.ts';

const HOUR = 3_600_000;

describe('retry backoff', () => {
  it('doubles from 30 s up to its cap, and each wait is drawn within [1 s, step] (full jitter)', () => {
    expect([1, 2, 3, 4, 10, 11, 20].map(backoffStepMs)).toEqual([
      30_000,
      60_000,
      120_000,
      240_000,
      30_000 * 2 ** 9,
      backoff.capMs,
      backoff.capMs,
    ]);
    for (const n of [1, 5, 12]) {
      expect(backoffDelayMs(n, () => 0)).toBe(backoff.floorMs);
      expect(backoffDelayMs(n, () => 0.999_999)).toBeLessThanOrEqual(backoffStepMs(n));
      expect(backoffDelayMs(n, () => 0.999_999)).toBeGreaterThan(backoffStepMs(n) * 0.99);
      expect(backoffDelayMs(n, () => 0.5)).toBe(Math.floor(backoffStepMs(n) / 2));
    }
  });

  it('gives up only after ten attempts and a whole day, whatever the draws', () => {
    const start = Date.parse('2026-11-30T00:00:00Z');
    const series = new Date(start).toISOString();
    // The unluckiest draws (every wait at its floor): still retrying until a day has passed.
    let at = start;
    let attempts = 0;
    while (!givenUp(attempts, series, new Date(at))) {
      attempts++;
      if (givenUp(attempts, series, new Date(at))) break;
      at += backoffDelayMs(attempts, () => 0);
    }
    expect(at - start).toBeGreaterThanOrEqual(24 * HOUR);
    expect(attempts).toBeGreaterThanOrEqual(backoff.maxAttempts);
    // The luckiest (every wait its whole step): ten attempts span over a day, and it stops soon after.
    at = start;
    attempts = 0;
    do {
      attempts++;
      if (givenUp(attempts, series, new Date(at))) break;
      at += backoffDelayMs(attempts, () => 0.999_999);
    } while (attempts < 100);
    expect(at - start).toBeGreaterThanOrEqual(24 * HOUR);
    expect(at - start).toBeLessThan(24 * HOUR + backoff.capMs);
  });
});

describe('addresses webhooks must not reach by default', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    'ff02::1',
    'not-an-address',
  ])('refuses %s', (a) => expect(isPrivateAddress(a)).toBe(true));

  it.each(['93.184.216.34', '172.32.0.1', '100.128.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (a) => expect(isPrivateAddress(a)).toBe(false),
  );
});
