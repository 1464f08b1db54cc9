import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../server/core/errors.ts';
import { createOrgLedger } from '../../server/core/ledger.ts';
import { sqlitePort } from '../../server/node/sqlite-port.ts';
import { mulberry32 } from '../../server/setup/random.ts';

const H = 3_600_000;
const hours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** Two departments with standards, their servers, requesters, a manager, and a clock the test moves. */
function desk() {
  let now = new Date('2026-11-23T08:00:00Z');
  const ledger = createOrgLedger(sqlitePort(':memory:'), { now: () => now });
  ledger.init({ id: 'overdue', name: 'Overdue test' });
  const department = (name: string, fr: number, res: number) =>
    ledger.addDepartment({ name, offers: [], standard: { firstResponseHours: fr, resolutionHours: res }, hours }).id;
  const departments = [department('Payroll', 2, 8), department('IT', 1, 4)];
  const person = (name: string, role: 'member' | 'manager', departmentIds: string[] = []) => ({
    orgId: 'overdue',
    role,
    personId: ledger.addPerson({ name, email: `${name.toLowerCase()}@x.example`, title: '', role, departmentIds }).id,
  });
  const servers = departments.map((d, i) => person(`Server${i}`, 'member', [d]));
  const requesters = [person('Sam', 'member'), person('Ada', 'member')];
  const manager = person('Mia', 'manager');
  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };
  return { ledger, departments, servers, requesters, manager, advance };
}

describe('overdue now', () => {
  it('equals a count of every open ask’s own clock, through creates, answers, replies, waits, forwards, resolutions and reopenings, swept or not', () => {
    const d = desk();
    const rand = mulberry32(7);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const asks: { id: string; requester: (typeof d.requesters)[number] }[] = [];
    let swept = 0;
    let key = 0;

    // The truth: each ask's clock as its requester sees it, counted in the department it is with now.
    const expected = () => {
      const counts = new Map<string, number>();
      for (const a of asks) {
        const { ask } = d.ledger.askDetail(a.requester, a.id);
        if (ask.clock.overdue) counts.set(ask.to.id, (counts.get(ask.to.id) ?? 0) + 1);
      }
      return d.departments.map((id) => counts.get(id) ?? 0);
    };
    const reported = () => {
      const s = d.ledger.service(d.manager, { period: 'all' });
      const byId = new Map(s.departments.map((r) => [r.id, r.overdue]));
      return { departments: d.departments.map((id) => byId.get(id) ?? 0), organisation: s.organisation.overdue };
    };

    let overdueSeen = 0;
    const moves = new Map<string, number>();
    for (let step = 0; step < 400; step++) {
      const r = rand();
      const a = asks.length ? pick(asks) : null;
      const withNow = () => (a ? d.ledger.askDetail(a.requester, a.id).ask.to.id : '');
      const server = () => d.servers[d.departments.indexOf(withNow())];
      let done = '';
      try {
        if (r < 0.25 || !a) {
          const requester = pick(d.requesters);
          const { result } = d.ledger.createAsk(
            requester,
            {
              to: { kind: 'department', id: pick(d.departments) },
              subject: `Ask ${step}`,
              details: '',
              importance: 'normal',
              allowDuplicate: true,
            },
            `k${key++}`,
          );
          if ('id' in result) asks.push({ id: result.id, requester });
          done = 'create';
        } else if (r < 0.45) d.advance(rand() * 6 * H);
        else if (r < 0.55) swept += d.ledger.sweepOverdue().swept;
        else if (r < 0.62) {
          d.ledger.transitionAsk(server(), a.id, { status: 'acknowledged' });
          done = 'acknowledge';
        } else if (r < 0.68) {
          d.ledger.transitionAsk(server(), a.id, { status: 'waiting_on_requester' });
          done = 'wait';
        } else if (r < 0.7) {
          d.ledger.replyToAsk(a.requester, a.id, { body: 'Here' }, `k${key++}`);
          done = 'reply';
        } else if (r < 0.73) {
          d.ledger.replyToAsk(server(), a.id, { body: 'Looking at it' }, `k${key++}`);
          done = 'answer';
        } else if (r < 0.8) {
          d.ledger.transitionAsk(server(), a.id, { status: 'resolved' });
          done = 'resolve';
        } else if (r < 0.85) {
          const closed = asks.filter((x) => d.ledger.askDetail(x.requester, x.id).ask.status === 'resolved');
          const c = closed.length ? pick(closed) : a;
          d.ledger.transitionAsk(c.requester, c.id, { status: 'open' });
          done = 'reopen';
        } else {
          const other = d.departments.find((id) => id !== withNow()) as string;
          d.ledger.forwardAsk(server(), a.id, { departmentId: other, note: '' });
          done = 'forward';
        }
        if (done) moves.set(done, (moves.get(done) ?? 0) + 1);
      } catch (e) {
        if (!(e instanceof LedgerError)) throw e; // a move the lifecycle refuses: nothing changed
      }
      const want = expected();
      const got = reported();
      expect(got.departments, `step ${step}`).toEqual(want);
      expect(got.organisation).toBe(want[0] + want[1]);
      overdueSeen = Math.max(overdueSeen, got.organisation);
    }
    // The run went through both paths: counters from sweeps, and asks fallen overdue since.
    expect(swept).toBeGreaterThan(10);
    expect(overdueSeen).toBeGreaterThan(5);
    for (const m of ['create', 'acknowledge', 'wait', 'reply', 'answer', 'resolve', 'reopen', 'forward'])
      expect(moves.get(m), m).toBeGreaterThan(5);

    // The counters are views like the others: a replay reproduces them.
    const before = d.ledger.viewsSnapshot();
    expect(before.v_overdue.length).toBeGreaterThan(0);
    d.ledger.rebuildViews();
    expect(d.ledger.viewsSnapshot()).toEqual(before);
  });

  it('tells the runtime when the next ask falls overdue, and counts it once', () => {
    const d = desk();
    const { result } = d.ledger.createAsk(
      d.requesters[0],
      {
        to: { kind: 'department', id: d.departments[1] },
        subject: 'VPN',
        details: '',
        importance: 'normal',
        allowDuplicate: false,
      },
      'next-1',
    );
    if (!('id' in result)) throw new Error('duplicate');
    // Monday 09:00 Berlin opens the day; IT answers within an hour: due at 10:00 Berlin.
    expect(d.ledger.sweepOverdue()).toEqual({ swept: 0, next: '2026-11-23T09:00:00.000Z' });
    d.advance(1.5 * H);
    expect(d.ledger.sweepOverdue()).toEqual({ swept: 1, next: null });
    expect(d.ledger.sweepOverdue()).toEqual({ swept: 0, next: null });
    expect(d.ledger.service(d.manager, { period: 'all' }).organisation.overdue).toBe(1);
    d.ledger.transitionAsk(d.servers[1], result.id, { status: 'acknowledged' });
    // Answered, so the first-response due no longer counts; the resolution is due at 13:00 Berlin.
    expect(d.ledger.service(d.manager, { period: 'all' }).organisation.overdue).toBe(0);
    expect(d.ledger.sweepOverdue()).toEqual({ swept: 0, next: '2026-11-23T12:00:00.000Z' });
  });
});
