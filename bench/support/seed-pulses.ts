import type { Principal } from '../../server/core/context.ts';
import { quarterAfter } from '../../server/core/pulse-schedule.ts';
import type { SqlPort } from '../../server/core/sql.ts';
import { mulberry32 } from '../../server/setup/random.ts';
import type { PulseResponse } from '../../shared/pulses.ts';
import type { World } from './seed-exchanges.ts';

/*
 * A year of department pulses beside the exchanges, through the ledger's own commands: two quarterly series
 * (a pulse asks about at most 20 departments) that cover all 40, opened by the manager in the first week of
 * January and opened again each quarter by the schedule (sweepPulses); 150 to 300 answers per department and
 * round from people outside it, a third with a comment; one series closed by hand two days early, the other by
 * the sweep; then one to three changes per department. Everything is drawn up front from its own PRNG, so the
 * pulses are the same at every volume of exchanges and the bench's ratios measure the exchanges alone.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const rounds = 4;
const openFor = 21 * DAY;

const comments = [
  'Quicker first replies would help',
  'Always friendly, even when swamped',
  'Hard to know who owns a request',
  'The new form made things easier',
  'Answers are thorough but slow',
  'Please say when something will take longer',
];
const changes = ['Reply within a working day', 'One owner per request', 'A weekly note on what is open'];

interface Event {
  at: number;
  run: () => void;
}

/** The pulse the results queries read: the last closed round of the first series, and a department of it. */
export interface PulseUnderTest {
  id: string;
  departmentId: string;
}

export function pulseUnderTest(sql: SqlPort, departments: World['departments']): PulseUnderTest {
  const row = sql.one<{ id: string }>(
    `SELECT p.id FROM pulses p JOIN pulse_departments pd ON pd.pulse_id = p.id
     WHERE pd.department_id = ? AND p.closed_at IS NOT NULL ORDER BY p.opens_at DESC LIMIT 1`,
    departments[0].id,
  );
  if (!row) throw new Error('[bench] no closed pulse in the seeded file (seeded before pulses? bump seedVersion)');
  return { id: row.id, departmentId: departments[3].id };
}

/**
 * The year's pulse commands as a timeline from `start`; `until(t)` runs those due by then (the exchange seeder
 * calls it as its clock advances), `until(Infinity)` the rest; `answers()` counts the answers recorded.
 */
export function pulseYear(w: World, seed: number) {
  const rand = mulberry32(seed);
  const start = w.clock.now.getTime();
  const [admin, manager] = w.people;
  const series = [w.departments.slice(0, 20), w.departments.slice(20, 40)];
  const current: string[] = [];
  const events: Event[] = [];
  let answers = 0;
  const at = (t: number, run: () => void) => events.push({ at: t, run });
  const opened = () => {
    // The sweep opened both series' next rounds: tell them apart by their first department.
    for (const p of w.ledger.pulses(manager).pulses.filter((s) => s.state === 'open')) {
      current[series.findIndex((ds) => ds[0].id === p.departments[0].id)] = p.id;
    }
  };

  let opens = start + 4 * DAY + HOUR;
  for (let round = 0; round < rounds; round++) {
    const closes = opens + openFor;
    if (round === 0) {
      at(opens, () => {
        series.forEach((ds, s) => {
          current[s] = w.ledger.openPulse(
            manager,
            {
              departmentIds: ds.map((d) => d.id),
              audience: { kind: 'everyone' },
              closesAt: new Date(closes).toISOString(),
              repeat: 'quarterly',
            },
            `pulse-series-${s}`,
          ).result.id;
        });
      });
    } else {
      at(opens, () => {
        w.ledger.sweepPulses();
        opened();
      });
    }
    series.forEach((ds, s) => {
      for (const d of ds) {
        const members = new Set(d.members.map((m) => m.personId));
        const asked = new Set<string>();
        const count = 150 + Math.floor(rand() * 151);
        while (asked.size < count) {
          const who = w.people[Math.floor(rand() * w.people.length)];
          if (members.has(who.personId) || asked.has(who.personId)) continue;
          asked.add(who.personId);
          const response = answerOf(d.id, rand);
          const key = `pulse-${round}-${d.id}-${asked.size}`;
          at(opens + HOUR + rand() * 17 * DAY, () => {
            w.ledger.respondToPulse(who, current[s], response, key);
            answers++;
          });
        }
        const actions = actionsOf(d.members, closes, rand);
        at(closes + 3 * DAY, () => w.ledger.setPulseActions(admin, current[s], d.id, actions));
      }
    });
    // The second series closed by hand two days early, the first by the sweep when its time came.
    at(closes - 2 * DAY, () => w.ledger.closePulse(manager, current[1]));
    at(closes + 60_000, () => w.ledger.sweepPulses());
    opens = Date.parse(quarterAfter(new Date(opens).toISOString()));
  }
  // Stable: events at the same moment keep the order they were drawn in.
  events.sort((a, b) => a.at - b.at);

  let next = 0;
  return {
    until(t: number) {
      while (next < events.length && events[next].at <= t) {
        const e = events[next++];
        w.clock.now = new Date(e.at);
        e.run();
      }
    },
    answers: () => answers,
  };
}

/** One answer: what matters (expectation) leans high, how it went (perception) spreads wider. */
function answerOf(departmentId: string, rand: () => number): PulseResponse {
  const scale = (low: number) => low + Math.floor(rand() * (8 - low));
  const pair = () => ({ expectation: scale(4), perception: scale(2) });
  return {
    departmentId,
    ratings: { communication: pair(), productivity: pair(), responsiveness: pair(), quality: pair() },
    ...(rand() < 0.33 ? { comment: comments[Math.floor(rand() * comments.length)] } : {}),
  };
}

function actionsOf(members: Principal[], closes: number, rand: () => number) {
  const n = 1 + Math.floor(rand() * 3);
  return {
    actions: changes.slice(0, n).map((text, i) => ({
      text,
      ownerId: members[Math.floor(rand() * members.length)].personId,
      due: new Date(closes + (30 + 15 * i) * DAY).toISOString().slice(0, 10),
    })),
  };
}
