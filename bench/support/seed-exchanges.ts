import type { Principal } from '../../server/core/context.ts';
import type { OrgLedger } from '../../server/core/ledger.ts';
import type { SqlPort } from '../../server/core/sql.ts';
import { mulberry32 } from '../../server/setup/random.ts';

/*
 * A year of exchanges for the managers' benchmarks, through the ledger's own commands (so every view
 * is kept exactly as in production): asks to departments and people that are answered, resolved
 * (some declined, forwarded, bounced, left open), rated and thanked; and thank-yous with values.
 * Deterministic (seeded PRNG) and chronological, driven by the ledger's clock.
 */
export interface World {
  ledger: OrgLedger;
  clock: { now: Date };
  manager: Principal;
  people: Principal[];
  departments: { id: string; members: Principal[] }[];
  values: string[];
}

const HOUR = 3_600_000;

/** The world of a ledger seeded earlier (bench/leaderboard.ts keeps its seeded files): read back from its SQL. */
export function loadWorld(ledger: OrgLedger, sql: SqlPort, clock: { now: Date }, orgId: string): World {
  const people = sql.all<{ id: string; role: Principal['role'] }>('SELECT id, role FROM people ORDER BY rowid');
  const byId = new Map(people.map((p) => [p.id, { orgId, personId: p.id, role: p.role } satisfies Principal]));
  const departments = sql.all<{ id: string }>('SELECT id FROM departments ORDER BY name').map((d) => ({
    id: d.id,
    members: sql
      .all<{ id: string }>('SELECT person_id AS id FROM memberships WHERE department_id = ?', d.id)
      .map((m) => byId.get(m.id) as Principal),
  }));
  const all = [...byId.values()];
  return {
    ledger,
    clock,
    manager: all.find((p) => p.role === 'manager') as Principal,
    people: all,
    departments,
    values: sql.all<{ id: string }>('SELECT id FROM company_values ORDER BY rowid').map((v) => v.id),
  };
}

/** An organisation of `peopleCount` people in 40 departments; its clock starts at `start`. */
export function buildWorld(ledger: OrgLedger, clock: { now: Date }, peopleCount: number, orgId: string): World {
  ledger.init({ id: orgId, name: 'Bench Org' });
  const values = ['Kindness', 'Ownership', 'Craft', 'Speed', 'Candour'].map((v) => ledger.addValue(v).id);
  const departments = Array.from({ length: 40 }, (_, i) => ({
    id: ledger.addDepartment({
      name: `Department ${String(i + 1).padStart(2, '0')}`,
      offers: [],
      standard: { firstResponseHours: 4 + (i % 5) * 4, resolutionHours: 24 + (i % 4) * 16 },
    }).id,
    members: [] as Principal[],
  }));
  const people: Principal[] = [];
  for (let i = 0; i < peopleCount; i++) {
    const dept = departments[i % departments.length];
    const role = i === 0 ? 'admin' : i === 1 ? 'manager' : 'member';
    const p = ledger.addPerson({
      name: `Person ${i}`,
      email: `person${i}@bench.example`,
      title: '',
      role,
      departmentIds: [dept.id],
    });
    const principal: Principal = { orgId, personId: p.id, role };
    people.push(principal);
    dept.members.push(principal);
  }
  ledger.updateSettings(people[0], { limits: { writesPerMinute: 100_000, thanksPerRecipientPerDay: 100_000 } });
  return { ledger, clock, manager: people[1], people, departments, values };
}

/**
 * Seeds `count` exchanges (asks and thank-yous, rating thank-yous included) evenly over `days` from
 * the clock's start. Yields to `pause` every 2,000 so the group commit can write them out. `until(t)` runs
 * other commands due by each exchange's moment (seed-pulses.ts), so the history stays chronological.
 */
export async function seedExchanges(
  w: World,
  count: number,
  days: number,
  seed: number,
  pause: () => Promise<void>,
  until: (t: number) => void = () => {},
) {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const start = w.clock.now.getTime();
  const step = (days * 24 * HOUR) / count;
  const at = (t: number) => {
    w.clock.now = new Date(t);
  };
  let made = 0;
  let key = 0;
  while (made < count) {
    const t = start + made * step;
    until(t);
    at(t);
    const from = pick(w.people);
    if (rand() < 0.4) {
      const to = pick(w.people);
      if (to.personId !== from.personId) {
        const values = rand() < 0.6 ? [pick(w.values)] : rand() < 0.5 ? [pick(w.values), pick(w.values)] : [];
        w.ledger.createThank(
          from,
          {
            to: [{ kind: 'person', id: to.personId }],
            message: 'Thanks!',
            values: [...new Set(values)],
            visibility: rand() < 0.9 ? 'public' : 'private',
          },
          `k${key++}`,
        );
        made++;
      }
    } else {
      made += ask(w, from, t, rand, pick, `k${key++}`);
    }
    if (made % 2000 < 2) await pause();
  }
}

function ask(w: World, from: Principal, t: number, rand: () => number, pick: <T>(xs: T[]) => T, key: string): number {
  const toPerson = rand() < 0.1;
  const dept = pick(w.departments);
  const server = toPerson ? pick(w.people) : pick(dept.members);
  if (server.personId === from.personId) return 0;
  const importance = pick(['low', 'normal', 'normal', 'high', 'urgent'] as const);
  const expectedBy =
    rand() < 0.3 ? new Date(t + (1 + Math.floor(rand() * 10)) * 24 * HOUR).toISOString().slice(0, 10) : undefined;
  const { result } = w.ledger.createAsk(
    from,
    {
      to: toPerson ? { kind: 'person', id: server.personId } : { kind: 'department', id: dept.id },
      subject: 'Please help',
      details: '',
      importance,
      expectedBy,
      allowDuplicate: true,
    },
    key,
  );
  if ('duplicateOf' in result) return 1;
  const id = result.id;
  const later = (hours: number) => {
    w.clock.now = new Date(t + hours * HOUR);
  };
  const fate = rand();
  if (fate < 0.02) return 1; // left open: the backlog
  later(rand() * 8);
  let holder = server;
  if (!toPerson && fate < 0.05) {
    // Forwarded, and now and then bounced straight back.
    const other = pick(w.departments);
    if (other.id !== dept.id) {
      w.ledger.forwardAsk(server, id, { departmentId: other.id, note: '' });
      holder = pick(other.members);
      if (fate < 0.03) {
        later(rand() * 12);
        w.ledger.forwardAsk(holder, id, { departmentId: dept.id, note: '' });
        holder = server;
      }
    }
  }
  w.ledger.transitionAsk(holder, id, { status: 'acknowledged' });
  later(2 + rand() * 120);
  if (fate > 0.95) {
    w.ledger.transitionAsk(holder, id, { status: 'declined', reason: 'Not ours' });
    return 1;
  }
  w.ledger.transitionAsk(holder, id, { status: 'resolved' });
  // Rated by the requester, unless the ask came back to them to resolve themselves.
  if (holder.personId !== from.personId && rand() < 0.4) {
    later(130 + rand() * 24);
    const thanks = rand() < 0.5 ? { message: 'Thank you!', values: [pick(w.values)] } : undefined;
    w.ledger.rateAsk(
      from,
      id,
      {
        overall: 1 + Math.floor(rand() * 5),
        communication: 1 + Math.floor(rand() * 5),
        quality: 3,
        comment: '',
        thanks,
      },
      `${key}-r`,
    );
    return thanks ? 2 : 1;
  }
  return 1;
}
