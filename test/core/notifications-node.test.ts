import { createStorage } from 'unstorage';
import memory from 'unstorage/drivers/memory';
import { describe, expect, it } from 'vitest';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { notificationLimit, notificationWindow } from '../../server/core/notifications.ts';
import { nodeLedgers } from '../../server/node/ledgers.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { defaultNotificationPrefs } from '../../shared/notifications.ts';
import { notificationsContract } from '../contract/notifications-contract.ts';

notificationsContract('better-sqlite3', () => nodeLedgers(':memory:', createStorage({ driver: memory() })));

const H = 3_600_000;
const hours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** Payroll (first answer within 2 business hours), two of its people, a requester, and a clock the test moves. */
function desk() {
  let now = new Date('2026-11-23T08:00:00Z'); // Monday 09:00 in Berlin: Payroll opens
  const ledger = createOrgLedger(sqlitePort(':memory:'), { now: () => now });
  ledger.init({ id: 'notify', name: 'Notify test' });
  const payroll = ledger.addDepartment({
    name: 'Payroll',
    offers: [],
    standard: { firstResponseHours: 2, resolutionHours: 8 },
    hours,
  }).id;
  const person = (name: string, departmentIds: string[] = []) => ({
    orgId: 'notify',
    role: 'member' as const,
    personId: ledger.addPerson({
      name,
      email: `${name.toLowerCase()}@x.example`,
      title: '',
      role: 'member',
      departmentIds,
    }).id,
  });
  const [priya, tom, sam] = [person('Priya', [payroll]), person('Tom', [payroll]), person('Sam')];
  // Each write a second and more apart: the per-minute write limit never bites.
  const step = () => {
    now = new Date(now.getTime() + 1_100);
  };
  const ask = (subject: string, key = crypto.randomUUID()) => {
    step();
    const { result } = ledger.createAsk(
      sam,
      { to: { kind: 'department', id: payroll }, subject, details: '', importance: 'normal', allowDuplicate: false },
      key,
    );
    if ('duplicateOf' in result) throw new Error('duplicate');
    return result;
  };
  return { ledger, priya, tom, sam, ask, step, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('asks due within the hour or overdue', () => {
  it('tells the department of an ask due within the hour, then overdue, each once by id, not once it is answered', () => {
    const d = desk();
    const ask = d.ask('Payslip wrong');
    const cursor = d.ledger.sync(d.priya, 0).seq;
    expect(d.ledger.notifications(d.priya, cursor).items).toEqual([]);
    d.advance(1.5 * H); // due at 11:00 Berlin: 30 minutes left
    expect(d.ledger.notifications(d.priya, cursor).items).toEqual([
      expect.objectContaining({
        id: `atRisk:${ask.id}`,
        kind: 'atRisk',
        askId: ask.id,
        title: 'Due within the hour in Payroll',
      }),
    ]);
    d.advance(H);
    expect(d.ledger.notifications(d.tom, cursor).items.map((i) => i.id)).toEqual([`overdue:${ask.id}`]);
    d.ledger.sweepOverdue(); // counted as overdue: still told
    expect(d.ledger.notifications(d.tom, cursor).items.map((i) => i.id)).toEqual([`overdue:${ask.id}`]);
    // Assigned to Priya (an answer: its first-response clock stops), Tom is told no more; she is, once its
    // resolution (8 business hours: Tuesday 09:00 Berlin) is within the hour.
    d.ledger.assignAsk(d.tom, ask.id, { assigneeId: d.priya.personId });
    d.advance(21 * H);
    const now = d.ledger.sync(d.tom, 0).seq;
    expect(d.ledger.notifications(d.tom, now).items).toEqual([]);
    expect(d.ledger.notifications(d.priya, now).items.map((i) => i.id)).toEqual([`atRisk:${ask.id}`]);
    d.ledger.setNotificationPrefs(d.priya, {
      ...defaultNotificationPrefs(),
      kinds: { ...defaultNotificationPrefs().kinds, atRisk: false },
    });
    expect(d.ledger.notifications(d.priya, d.ledger.sync(d.priya, 0).seq).items).toEqual([]);
    d.ledger.transitionAsk(d.priya, ask.id, { status: 'resolved' });
    expect(d.ledger.notifications(d.tom, d.ledger.sync(d.tom, 0).seq).items).toEqual([]);
  });

  it('defaults a person’s time zone to their department’s and tells quiet hours in it', () => {
    const d = desk(); // 09:00 in Berlin, 08:00 UTC
    expect(d.ledger.notificationPrefs(d.priya).timeZone).toBe('Europe/Berlin');
    const quiet = { start: '08:30', end: '09:30' };
    d.ledger.setNotificationPrefs(d.priya, { ...defaultNotificationPrefs('Europe/Berlin'), quietHours: quiet });
    d.ledger.setNotificationPrefs(d.tom, { ...defaultNotificationPrefs('UTC'), quietHours: quiet });
    expect(d.ledger.notifications(d.priya, 0).quiet).toBe(true);
    expect(d.ledger.notifications(d.tom, 0).quiet).toBe(false);
    d.ledger.setNotificationPrefs(d.tom, {
      ...defaultNotificationPrefs('UTC'),
      quietHours: { start: '22:00', end: '08:01' },
    });
    expect(d.ledger.notifications(d.tom, 0).quiet).toBe(true); // across midnight
  });
});

describe('paging', () => {
  it('reads a bounded window of the log per call and tells each item once across pages', () => {
    const d = desk();
    const asks = Array.from({ length: 120 }, (_, i) => d.ask(`Ask ${i}`));
    // Noise the person is not told of: Priya's own replies.
    for (const a of asks.slice(0, 40)) {
      d.step();
      d.ledger.replyToAsk(d.priya, a.id, { body: 'On it' }, crypto.randomUUID());
    }
    const told: string[] = [];
    let pages = 0;
    for (let after = 0, more = true; more; pages++) {
      const page = d.ledger.notifications(d.tom, after);
      expect(page.items.length).toBeLessThanOrEqual(notificationLimit + 20);
      told.push(...page.items.filter((i) => i.kind === 'newAsk').map((i) => i.askId ?? ''));
      expect(page.last).toBeGreaterThan(after);
      ({ last: after, more } = page);
    }
    expect(told).toEqual(asks.map((a) => a.id));
    expect(pages).toBeGreaterThanOrEqual(3); // 120 items at most 50 a page
    // A window of noise alone moves the cursor on with nothing to tell.
    const start = d.ledger.sync(d.tom, 0).seq;
    for (let i = 0; i < notificationWindow + 10; i++) {
      d.step();
      d.ledger.replyToAsk(d.tom, asks[0].id, { body: 'x' }, crypto.randomUUID());
    }
    const first = d.ledger.notifications(d.tom, start);
    expect(first).toMatchObject({ items: [], last: start + notificationWindow, more: true });
  });
});

describe('at company size', () => {
  it('tells each of 1,200 people in one department only their own, at most 20 due asks each, in bounded pages', () => {
    const d = desk();
    const people = Array.from({ length: 1_200 }, (_, i) => ({
      orgId: 'notify',
      role: 'member' as const,
      personId: d.ledger.addPerson({
        name: `Person ${i}`,
        email: `person${i}@x.example`,
        title: '',
        role: 'member',
        departmentIds: [d.ledger.queue(d.priya).queues[0].department.id],
      }).id,
    }));
    const start = d.ledger.sync(d.sam, 0).seq;
    const asks = Array.from({ length: 60 }, (_, i) => d.ask(`Company ask ${i}`));
    // Private thank-yous from Sam to ten of them, each with its own words.
    const thanked = people.slice(0, 10);
    thanked.forEach((p, i) => {
      d.step();
      d.ledger.createThank(
        d.sam,
        { to: [{ kind: 'person', id: p.personId }], message: `Secret ${i}`, values: [], visibility: 'private' },
        `private-${i}`,
      );
    });
    d.advance(1.8 * H); // every ask's first answer is due within the hour
    for (const [i, who] of people.entries()) {
      const items = [];
      for (let after = start, more = true; more; ) {
        const page = d.ledger.notifications(who, after);
        expect(page.items.length).toBeLessThanOrEqual(notificationLimit + 20);
        items.push(...page.items);
        ({ last: after, more } = page);
      }
      expect(items.filter((item) => item.body.startsWith('Secret')).map((s) => s.body)).toEqual(
        i < 10 ? [`Secret ${i}`] : [],
      );
      expect(items.filter((item) => item.kind === 'newAsk')).toHaveLength(asks.length);
      expect(items.filter((item) => item.kind === 'atRisk')).toHaveLength(20);
    }
    const caughtUp = d.ledger.notifications(people[500], d.ledger.sync(d.sam, 0).seq);
    expect(caughtUp.items.map((i) => i.kind)).toEqual(Array(20).fill('atRisk'));
    expect(caughtUp.items[0].askId).toBe(asks[0].id);
  });
});
