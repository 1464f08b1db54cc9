import type { EventType } from '../../../shared/events.ts';
import type { LedgerContext } from '../context.ts';
import { grains } from './buckets.ts';
import { addDuration, type Histogram } from './durations.ts';
import { causeNoted } from './handoff-causes.ts';
import { keepPairMedian } from './pair-medians.ts';
import { addReceivedOnDay } from './quarter-days.ts';
import { add, addMember } from './upsert.ts';

/**
 * The projection: turns one event into the managers' views. appendEvent calls it in the event's own
 * transaction, and views/rebuild.ts replays the whole log through it, so the views always equal a
 * replay. It reads only the event and the views' own tables (v_ask_facts), never the live rows.
 */
export interface ProjectedEvent {
  type: EventType;
  actorId: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  at: string;
}

interface Facts {
  ask_id: string;
  requester_id: string;
  requester_department_id: string;
  department_id: string | null;
  importance: string;
  expected_by: string | null;
  visited: string;
  open: number;
}

// People's and departments' thanks by day are running totals per quarter (views/quarter-days.ts).
const beyondDays = new Set(grains.filter((g) => g !== 'day'));
const weekOnly = new Set(['week']);

/** The organisation's totals sit beside the departments' rows under this id. */
export const ORG = '*';

const terminal = (s: unknown) => s === 'resolved' || s === 'declined';

export function project(ctx: LedgerContext, e: ProjectedEvent): void {
  if (e.type === 'thank.created') {
    thanked(ctx, e);
    return;
  }
  if (!e.type.startsWith('ask.') || !e.subjectId) return;
  if (e.type === 'ask.created') {
    created(ctx, e, e.subjectId);
    return;
  }
  if (e.type === 'ask.cause_noted') {
    causeNoted(ctx, e);
    return;
  }
  const facts = ctx.sql.one<Facts>('SELECT * FROM v_ask_facts WHERE ask_id = ?', e.subjectId);
  if (!facts) return;
  const at = new Date(e.at);
  if (typeof e.data.firstResponseMs === 'number' && facts.department_id) {
    const within = e.data.firstResponseWithin ? 1 : 0;
    const depts = [facts.department_id, ORG];
    for (const d of depts) add(ctx, 'v_service', { department_id: d }, { first_responses: 1, fr_within: within }, at);
    addDuration(
      ctx,
      depts.map((d): Histogram => ({ metric: 'fr', from: ORG, department: d })),
      e.data.firstResponseMs,
      at,
    );
  }
  if (e.type === 'ask.status') status(ctx, e, facts, at);
  else if (e.type === 'ask.forwarded') forwarded(ctx, e, facts, at);
  else if (e.type === 'ask.rated') rated(ctx, e, facts, at);
}

function backlog(ctx: LedgerContext, departmentId: string | null, delta: number) {
  if (!departmentId) return;
  ctx.sql.run(
    `INSERT INTO v_backlog (department_id, open) VALUES (?, ?)
     ON CONFLICT (department_id) DO UPDATE SET open = open + excluded.open`,
    departmentId,
    delta,
  );
}

function created(ctx: LedgerContext, e: ProjectedEvent, askId: string) {
  const to = e.data.to as { kind: string; id: string };
  const department = to.kind === 'department' ? to.id : null;
  const from = typeof e.data.fromDepartmentId === 'string' ? e.data.fromDepartmentId : '';
  ctx.sql.run(
    `INSERT INTO v_ask_facts (ask_id, requester_id, requester_department_id, department_id, importance, expected_by,
       visited, open) VALUES (?, ?, ?, ?, ?, ?, ?, 1)`,
    askId,
    e.actorId ?? '',
    from,
    department,
    typeof e.data.importance === 'string' ? e.data.importance : 'normal',
    typeof e.data.expectedBy === 'string' ? e.data.expectedBy : null,
    department ? `|${department}|` : '',
  );
  if (!department) return;
  const at = new Date(e.at);
  for (const d of [department, ORG]) add(ctx, 'v_service', { department_id: d }, { received: 1 }, at);
  add(ctx, 'v_handoffs', { from_department_id: from, to_department_id: department }, { arrivals: 1 }, at);
  backlog(ctx, department, 1);
}

function status(ctx: LedgerContext, e: ProjectedEvent, facts: Facts, at: Date) {
  const { from, to } = e.data;
  const dept = facts.department_id;
  if (terminal(to) && !terminal(from)) {
    ctx.sql.run('UPDATE v_ask_facts SET open = 0 WHERE ask_id = ?', facts.ask_id);
    backlog(ctx, dept, -1);
  } else if (!terminal(to) && terminal(from)) {
    ctx.sql.run('UPDATE v_ask_facts SET open = 1 WHERE ask_id = ?', facts.ask_id);
    backlog(ctx, dept, 1);
    if (dept) for (const d of [dept, ORG]) add(ctx, 'v_service', { department_id: d }, { reopened: 1 }, at);
  }
  if (to === 'resolved' && e.actorId && e.actorId !== facts.requester_id) {
    add(ctx, 'v_served', { person_id: e.actorId }, { served: 1 }, at);
  }
  if (!dept) return;
  if (to === 'declined') {
    for (const d of [dept, ORG]) add(ctx, 'v_service', { department_id: d }, { declined: 1 }, at);
    return;
  }
  if (to !== 'resolved') return;
  const within = e.data.resolutionWithin ? 1 : 0;
  // The requester's expectation: needed by that day (UTC), met or missed.
  const day = e.at.slice(0, 10);
  const met = facts.expected_by ? (day <= facts.expected_by ? 1 : 0) : 0;
  const missed = facts.expected_by ? 1 - met : 0;
  for (const d of [dept, ORG]) {
    add(
      ctx,
      'v_service',
      { department_id: d },
      { resolved: 1, res_within: within, needed_met: met, needed_missed: missed },
      at,
    );
  }
  const requesters = facts.requester_department_id;
  add(ctx, 'v_handoffs', { from_department_id: requesters, to_department_id: dept }, { resolved: 1 }, at);
  // The department's, the organisation's and the hand-off pair's resolution times.
  if (typeof e.data.resolutionMs === 'number') {
    const histograms: Histogram[] = [
      { metric: 'res', from: ORG, department: dept },
      { metric: 'res', from: ORG, department: ORG },
      { metric: 'res', from: requesters, department: dept },
    ];
    addDuration(ctx, histograms, e.data.resolutionMs, at);
    keepPairMedian(ctx, requesters, dept, at);
  }
}

function forwarded(ctx: LedgerContext, e: ProjectedEvent, facts: Facts, at: Date) {
  const from = (e.data.from as { id: string }).id;
  const to = (e.data.to as { id: string }).id;
  // Back to a department that had it before: a bounce (A → B → A).
  const bounce = facts.visited.includes(`|${to}|`) ? 1 : 0;
  add(ctx, 'v_service', { department_id: from }, { forwarded_out: 1 }, at);
  add(ctx, 'v_service', { department_id: to }, { received: 1, bounces: bounce }, at);
  const req = facts.requester_department_id;
  add(ctx, 'v_handoffs', { from_department_id: req, to_department_id: from }, { forwards: 1 }, at);
  add(ctx, 'v_handoffs', { from_department_id: req, to_department_id: to }, { arrivals: 1, bounces: bounce }, at);
  ctx.sql.run(
    'UPDATE v_ask_facts SET department_id = ?, visited = ? WHERE ask_id = ?',
    to,
    bounce ? facts.visited : `${facts.visited || '|'}${to}|`,
    facts.ask_id,
  );
  if (facts.open) {
    backlog(ctx, from, -1);
    backlog(ctx, to, 1);
  }
}

function rated(ctx: LedgerContext, e: ProjectedEvent, facts: Facts, at: Date) {
  const dept = facts.department_id;
  if (!dept) return;
  const score = (k: string) => (typeof e.data[k] === 'number' ? (e.data[k] as number) : null);
  const dims = ['communication', 'responsiveness', 'quality'] as const;
  const overall = score('overall') ?? 0;
  const amounts: Record<string, number> = { rated: 1, overall_sum: overall };
  for (const d of dims) {
    amounts[`${d}_sum`] = score(d) ?? 0;
    amounts[`${d}_n`] = score(d) === null ? 0 : 1;
  }
  for (const d of [dept, ORG]) {
    add(ctx, 'v_service', { department_id: d }, amounts, at);
    const key = { department_id: d, importance: facts.importance };
    add(ctx, 'v_service_importance', key, { rated: 1, overall_sum: overall }, at);
  }
}

/** Public thank-yous only: private ones never reach a view. */
function thanked(ctx: LedgerContext, e: ProjectedEvent) {
  if (e.data.visibility !== 'public' || !e.actorId) return;
  const at = new Date(e.at);
  const giver = e.actorId;
  const giverDept = typeof e.data.fromDepartmentId === 'string' ? e.data.fromDepartmentId : '';
  const values = ['', ...(Array.isArray(e.data.values) ? (e.data.values as string[]) : [])];
  const subjects = (e.data.to as { kind: string; id: string }[]).map((r) => [r.kind, r.id] as const);
  // Thanks for an ask also credit the department that served it (thanks per 100 asks served).
  if (typeof e.data.askId === 'string') {
    const served = ctx.sql.one<{ d: string | null }>(
      'SELECT department_id AS d FROM v_ask_facts WHERE ask_id = ?',
      e.data.askId,
    )?.d;
    if (served && !subjects.some(([k, id]) => k === 'department' && id === served))
      subjects.push(['department', served]);
  }
  for (const value of values) {
    for (const [kind, id] of subjects) {
      const key = { kind, value_id: value, subject_id: id };
      const newGiver = addMember(ctx, 'v_recognition_givers', { ...key, giver_id: giver }, at);
      const newReach = giverDept
        ? addMember(ctx, 'v_recognition_reach', { ...key, department_id: giverDept }, at)
        : new Set<string>();
      add(
        ctx,
        'v_recognition',
        key,
        (grain) => ({ received: 1, givers: newGiver.has(grain) ? 1 : 0, reach: newReach.has(grain) ? 1 : 0 }),
        at,
        beyondDays,
      );
      addReceivedOnDay(ctx, key, at); // days, for custom ranges, as running totals
    }
    // The organisation's total is read by the week only (trends, the digest), and for all values.
    if (value === '')
      add(ctx, 'v_recognition', { kind: 'org', value_id: '', subject_id: '' }, { received: 1 }, at, weekOnly);
    add(ctx, 'v_given', { value_id: value, person_id: giver }, { given: 1 }, at);
  }
}
