import { describe, expect, it } from 'vitest';
import { dueAudience, nextDuePush } from '../../server/core/due-pushes.ts';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';

/*
 * Whom the runtime's timer pushes to when asks come due with no event (core/due-pushes.ts), under a controlled
 * clock on better-sqlite3; the Durable Object's alarm that calls it is tested in workerd
 * (test/worker/due-push-workerd.test.ts).
 */
const MIN = 60_000;
const H = 60 * MIN;

function desk() {
  let now = new Date('2026-11-23T08:00:00Z'); // Monday 09:00 in Berlin: Payroll opens
  const sql = sqlitePort(':memory:');
  const ledger = createOrgLedger(sql, { now: () => now });
  ledger.init({ id: 'due', name: 'Due test' });
  const hours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
  const department = (name: string) =>
    ledger.addDepartment({ name, offers: [], standard: { firstResponseHours: 2, resolutionHours: 8 }, hours }).id;
  const [payroll, it_] = [department('Payroll'), department('IT')];
  const person = (name: string, departmentIds: string[] = []) => ({
    orgId: 'due',
    role: 'member' as const,
    personId: ledger.addPerson({ name, email: `${name}@x.example`, title: '', role: 'member', departmentIds }).id,
  });
  const [priya, sam] = [person('priya', [payroll]), person('sam')];
  const ask = (to: string, subject: string) => {
    now = new Date(now.getTime() + 1_100);
    const { result } = ledger.createAsk(
      sam,
      { to: { kind: 'department', id: to }, subject, details: '', importance: 'normal', allowDuplicate: true },
      crypto.randomUUID(),
    );
    if ('duplicateOf' in result) throw new Error('duplicate');
    return { ...result, due: Date.parse(result.clock.firstResponseDueAt as string) };
  };
  const at = (ms: number) => {
    now = new Date(ms);
  };
  const ring = () => dueAudience(sql, now);
  return { ledger, payroll, it_, priya, person, ask, at, ring, next: () => nextDuePush(sql, now) };
}

describe('pushes for asks coming due', () => {
  it('tells a department of its ask when its last hour begins, once; once it is assigned, the assignee alone', () => {
    const d = desk();
    expect(d.ring()).toBeNull();
    const a = d.ask(d.payroll, 'Overtime');
    expect(d.next()).toBe(new Date(a.due - H).toISOString());

    d.at(a.due - H - MIN);
    expect(d.ring()).toBeNull();
    d.at(a.due - H + 10_000);
    expect(d.ring()).toEqual({ people: [], departments: [d.payroll], everyone: false, regroup: false });
    expect(d.ring()).toBeNull();
    expect(d.next()).toBe(new Date(a.due).toISOString());

    // Priya takes it (a first response: now its resolution is what comes due), and it concerns her alone.
    d.ledger.assignAsk(d.priya, a.id, { assigneeId: d.priya.personId });
    const resolution = Date.parse(d.ledger.askDetail(d.priya, a.id).ask.clock.resolutionDueAt as string);
    expect(d.next()).toBe(new Date(resolution - H).toISOString());
    d.at(resolution - H + 10_000);
    expect(d.ring()).toEqual({ people: [d.priya.personId], departments: [], everyone: false, regroup: false });
    d.at(resolution + 10_000);
    expect(d.ring()).toMatchObject({ people: [d.priya.personId], departments: [] });
    d.at(resolution + 20 * MIN);
    expect(d.ring()).toBeNull();
    expect(d.next()).toBeNull();
  });

  it('tells nothing of an ask answered before its hour, nor what came due long before a ring', () => {
    const d = desk();
    const jonas = d.person('jonas', [d.it_]);
    const open = d.ask(d.payroll, 'Bonus');
    const answered = d.ask(d.it_, 'VPN');
    d.ledger.transitionAsk(jonas, answered.id, { status: 'resolved' });
    d.at(open.due - H + 10_000);
    expect(d.ring()).toEqual({ people: [], departments: [d.payroll], everyone: false, regroup: false });

    // An ask whose moments passed hours before the next ring (the timer never rang): the extensions' half-hourly
    // safety poll has seen it; only the last half hour is looked at.
    const late = d.ask(d.it_, 'Printer');
    d.at(late.due + 3 * H);
    expect(d.ring()).toBeNull();
  });
});
