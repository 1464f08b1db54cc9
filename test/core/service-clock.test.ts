import { describe, expect, it } from 'vitest';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';

const H = 3_600_000;

/** A ledger whose clock the test moves: Payroll works 09:00–17:00 Berlin, answers in 2h, resolves in 8h. */
function payrollDesk() {
  let now = new Date('2026-11-23T09:00:00Z'); // Monday 10:00 in Berlin
  const ledger = createOrgLedger(sqlitePort(':memory:'), { now: () => now });
  ledger.init({ id: 'clock', name: 'Clock test' });
  const hours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
  const payroll = ledger.addDepartment({
    name: 'Payroll',
    offers: [],
    standard: { firstResponseHours: 2, resolutionHours: 8 },
    hours,
  });
  const sam = ledger.addPerson({ name: 'Sam', email: 'sam@x.example', title: '', role: 'member', departmentIds: [] });
  const priya = ledger.addPerson({
    name: 'Priya',
    email: 'priya@x.example',
    title: '',
    role: 'member',
    departmentIds: [payroll.id],
  });
  const requester = { orgId: 'clock', personId: sam.id, role: 'member' as const };
  const server = { orgId: 'clock', personId: priya.id, role: 'member' as const };
  const { result } = ledger.createAsk(
    requester,
    {
      to: { kind: 'department', id: payroll.id },
      subject: 'Overtime',
      details: '',
      importance: 'normal',
      allowDuplicate: false,
    },
    'clock-ask-1',
  );
  if ('duplicateOf' in result) throw new Error('duplicate');
  const at = (iso: string) => {
    now = new Date(iso);
  };
  const read = () => ledger.askDetail(requester, result.id).ask;
  return { ledger, requester, server, id: result.id, at, read };
}

describe("the service standard's clock", () => {
  it('sets due times in business hours and flags an ask nobody answered in time', () => {
    const desk = payrollDesk();
    expect(desk.read().clock).toMatchObject({
      firstResponseDueAt: '2026-11-23T11:00:00.000Z', // Monday 12:00 Berlin
      resolutionDueAt: '2026-11-24T09:00:00.000Z', // 7h on Monday, 1h on Tuesday
      overdue: false,
    });
    desk.at('2026-11-23T11:30:00Z');
    expect(desk.read().clock.overdue).toBe(true);
    desk.ledger.transitionAsk(desk.server, desk.id, { status: 'acknowledged' });
    expect(desk.read()).toMatchObject({
      firstResponseAt: '2026-11-23T11:30:00.000Z',
      clock: { firstResponseMs: 2.5 * H, overdue: false },
    });
  });

  it('does not count time waiting on the requester against the standard', () => {
    const desk = payrollDesk();
    desk.at('2026-11-23T10:00:00Z'); // Monday 11:00: first response after 1h
    desk.ledger.transitionAsk(desk.server, desk.id, { status: 'waiting_on_requester' });
    desk.at('2026-11-24T09:00:00Z'); // Tuesday 10:00: 7 business hours later (Mon 11–17, Tue 9–10) the requester answers
    expect(desk.read().clock).toMatchObject({ waitingMs: 7 * H, overdue: false });
    desk.ledger.replyToAsk(desk.requester, desk.id, { body: 'Here it is' }, 'clock-reply-1');
    // Resolution is due 8 business hours after creation plus the 7 waited: Tuesday 17:00 Berlin.
    expect(desk.read()).toMatchObject({
      status: 'in_progress',
      clock: { resolutionDueAt: '2026-11-24T16:00:00.000Z' },
    });
    desk.at('2026-11-24T11:00:00Z'); // Tuesday 12:00
    desk.ledger.transitionAsk(desk.server, desk.id, { status: 'resolved' });
    // Monday 10–17 (7h) + Tuesday 9–12 (3h) = 10h elapsed, 7h of it waiting: 3h against the standard.
    expect(desk.read().clock).toMatchObject({
      firstResponseMs: 1 * H,
      resolutionMs: 3 * H,
      waitingMs: 7 * H,
      overdue: false,
    });
  });

  it('keeps waiting time when an ask is forwarded while it waits', () => {
    const desk = payrollDesk();
    const hr = desk.ledger.addDepartment({
      name: 'HR',
      offers: [],
      standard: { firstResponseHours: 2, resolutionHours: 8 },
    });
    desk.at('2026-11-23T10:00:00Z');
    desk.ledger.transitionAsk(desk.server, desk.id, { status: 'waiting_on_requester' });
    desk.at('2026-11-23T12:00:00Z');
    desk.ledger.forwardAsk(desk.server, desk.id, { departmentId: hr.id, note: '' });
    // HR's hours are UTC 09–17: the 2 hours waited (10:00–12:00 UTC) are kept.
    expect(desk.read()).toMatchObject({ status: 'open', clock: { waitingMs: 2 * H } });
  });
});
