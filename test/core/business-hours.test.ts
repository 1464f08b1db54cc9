import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMs, localDate } from '../../server/core/business-hours.ts';

const berlin = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const H = 3_600_000;
const t = (iso: string) => Date.parse(iso);

describe('business hours', () => {
  it('counts only the working window, in the department’s time zone', () => {
    // 08:00–10:00 UTC is 09:00–11:00 in Berlin in November.
    expect(businessMs(t('2026-11-23T08:00:00Z'), t('2026-11-23T10:00:00Z'), berlin)).toBe(2 * H);
    // Before opening and after closing count nothing.
    expect(businessMs(t('2026-11-23T05:00:00Z'), t('2026-11-23T08:00:00Z'), berlin)).toBe(0);
    expect(businessMs(t('2026-11-23T16:00:00Z'), t('2026-11-23T22:00:00Z'), berlin)).toBe(0);
  });

  it('skips the weekend', () => {
    // Friday 16:00 → Monday 10:00 Berlin: one hour on Friday, one on Monday.
    expect(businessMs(t('2026-11-27T15:00:00Z'), t('2026-11-30T09:00:00Z'), berlin)).toBe(2 * H);
    expect(addBusinessMs(t('2026-11-27T15:00:00Z'), 2 * H, berlin)).toBe(t('2026-11-30T09:00:00Z'));
  });

  it('follows daylight saving time', () => {
    // Summer time starts Sunday 29 March 2026: Monday opens at 07:00 UTC.
    expect(addBusinessMs(t('2026-03-27T15:00:00Z'), 2 * H, berlin)).toBe(t('2026-03-30T08:00:00Z'));
    expect(businessMs(t('2026-03-30T07:00:00Z'), t('2026-03-30T15:00:00Z'), berlin)).toBe(8 * H);
  });

  it('starts counting at opening time when asked before it', () => {
    expect(addBusinessMs(t('2026-11-23T06:00:00Z'), 30 * 60_000, berlin)).toBe(t('2026-11-23T08:30:00Z'));
  });

  it('gives the local date', () => {
    expect(localDate(t('2026-11-23T23:30:00Z'), 'Europe/Berlin')).toBe('2026-11-24');
    expect(localDate(t('2026-11-23T23:30:00Z'), 'America/New_York')).toBe('2026-11-23');
  });
});
