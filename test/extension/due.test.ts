import { describe, expect, it } from 'vitest';
import { dueText, duration, nextDue } from '../../extension/utils/due.ts';

const now = Date.parse('2026-11-17T10:00:00Z');
const hours = (n: number) => new Date(now + n * 3_600_000).toISOString();
const clock = {
  firstResponseDueAt: hours(3),
  resolutionDueAt: hours(30),
  firstResponseMs: null,
  resolutionMs: null,
  waitingMs: 0,
  overdue: false,
};

describe('service times', () => {
  it('reads durations in at most two units', () => {
    expect(duration(20_000)).toBe('1m');
    expect(duration(45 * 60_000)).toBe('45m');
    expect(duration(3 * 3_600_000)).toBe('3h');
    expect(duration(3 * 3_600_000 + 20 * 60_000)).toBe('3h 20m');
    expect(duration(26 * 3_600_000)).toBe('1d 2h');
    expect(duration(-24 * 3_600_000)).toBe('1d');
    expect(duration(2 * 3_600_000 + 59.8 * 60_000)).toBe('3h');
    expect(duration(23 * 3_600_000 + 59.8 * 60_000)).toBe('1d');
  });

  it('says what is due, or by how much it is overdue', () => {
    expect(dueText(hours(3), now)).toEqual({ text: 'Due in 3h', overdue: false });
    expect(dueText(hours(-24), now)).toEqual({ text: 'Overdue by 1d', overdue: true });
  });

  it('watches the first response until someone answered, then the resolution', () => {
    expect(nextDue({ status: 'open', firstResponseAt: null, clock }, now)).toMatchObject({
      text: 'Due in 3h',
      target: 'first response',
    });
    expect(nextDue({ status: 'in_progress', firstResponseAt: hours(-1), clock }, now)).toMatchObject({
      text: 'Due in 1d 6h',
      target: 'resolution',
    });
  });

  it('has nothing due on closed asks or asks without a standard', () => {
    expect(nextDue({ status: 'resolved', firstResponseAt: hours(-1), clock }, now)).toBeNull();
    const none = { ...clock, firstResponseDueAt: null, resolutionDueAt: null };
    expect(nextDue({ status: 'open', firstResponseAt: null, clock: none }, now)).toBeNull();
  });
});
