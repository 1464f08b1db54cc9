import {
  type DepartmentResult,
  type PulseDimension,
  type PulseResults,
  type PulseResultsQuery,
  pulseDimensions,
} from '../../shared/pulses.ts';
import { isManager, type LedgerContext, type Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import {
  actionsOf,
  closedAt,
  departmentsOf,
  isClosed,
  mayRecordActions,
  memberOf,
  type PulseDepartmentRow,
  type PulseRow,
  pulseRow,
  pulseThreshold,
  summary,
} from './pulse-rows.ts';
import { parseTally, tallyGaps, tallyStats } from './pulse-tally.ts';
import { jsonList } from './sql.ts';
import { bucketOf } from './views/buckets.ts';

/*
 * A pulse's results: only once it has closed, and per department only from the organisation's threshold of
 * respondents up. There is nothing finer to filter by (a response has no person, department of its own or
 * time), and every cell a filter leaves (a department, a pulse of the history) needs the threshold itself.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The department's gap per dimension over its closed pulses up to this one, each from the threshold up: its
 * pulses through their departments' index, each one's gaps from the counts on the same row (no answer read).
 */
function history(ctx: LedgerContext, p: PulseRow, departmentId: string, threshold: number) {
  const pulses = ctx.sql.all<{ id: string; closes: string; n: number; tally: string | null }>(
    `SELECT p.id, COALESCE(p.closed_at, p.closes_at) AS closes, pd.respondents AS n, pd.tally
     FROM pulse_departments pd JOIN pulses p ON p.id = pd.pulse_id
     WHERE pd.department_id = ? AND pd.respondents >= ?
       AND COALESCE(p.closed_at, p.closes_at) <= ? AND COALESCE(p.closed_at, p.closes_at) <= ?
     ORDER BY closes DESC, p.id DESC LIMIT 12`,
    departmentId,
    threshold,
    closedAt(p),
    ctx.now().toISOString(),
  );
  return pulses.reverse().map((h) => {
    const gaps = tallyGaps(parseTally(h.tally));
    return {
      pulseId: h.id,
      closesAt: h.closes,
      respondents: h.n,
      gaps: Object.fromEntries(pulseDimensions.map((d) => [d, round2(gaps[d])])) as Record<PulseDimension, number>,
    };
  });
}

const week = 7 * 86_400_000;
const weeksBeside = 13;

/**
 * The per-ask ratings of the department in the 13 ISO weeks up to the pulse's close (or now, while open), from the
 * managers' precomputed weekly views: a read of 13 rows however many asks there were.
 */
function askRatings(ctx: LedgerContext, p: PulseRow, departmentId: string): DepartmentResult['askRatings'] {
  const to = isClosed(ctx, p) ? closedAt(p) : ctx.now().toISOString();
  const weeks = Array.from({ length: weeksBeside }, (_, i) => bucketOf('week', new Date(Date.parse(to) - i * week)));
  const monday = new Date(Date.parse(to) - (weeksBeside - 1) * week);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const r = ctx.sql.one<Record<string, number | null>>(
    `SELECT SUM(rated) AS rated, SUM(overall_sum) AS overall, SUM(communication_sum) AS c, SUM(communication_n) AS cn,
       SUM(responsiveness_sum) AS r, SUM(responsiveness_n) AS rn, SUM(quality_sum) AS q, SUM(quality_n) AS qn
     FROM v_service WHERE grain = 'week' AND department_id = ? AND bucket IN (SELECT value FROM json_each(?))`,
    departmentId,
    jsonList(weeks),
  );
  const avg = (sum: number | null | undefined, n: number | null | undefined) =>
    sum != null && n ? round2(sum / n) : null;
  const rated = r?.rated ?? 0;
  return {
    from: `${monday.toISOString().slice(0, 10)}T00:00:00.000Z`,
    to,
    rated,
    overall: avg(r?.overall, rated),
    communication: avg(r?.c, r?.cn),
    responsiveness: avg(r?.r, r?.rn),
    quality: avg(r?.q, r?.qn),
  };
}

/** The department's previous closed pulse (opened before this one), for its changes. */
const previousPulse = (ctx: LedgerContext, p: PulseRow, departmentId: string) =>
  ctx.sql.one<{ id: string }>(
    `SELECT p.id FROM pulses p JOIN pulse_departments pd ON pd.pulse_id = p.id AND pd.department_id = ?
     WHERE (p.opens_at < ? OR (p.opens_at = ? AND p.id < ?)) AND (p.closed_at IS NOT NULL OR p.closes_at <= ?)
     ORDER BY p.opens_at DESC, p.id DESC LIMIT 1`,
    departmentId,
    p.opens_at,
    p.opens_at,
    p.id,
    ctx.now().toISOString(),
  );

/** The department's active members by name, to choose a change's owner from (a large department's first 500). */
const ownersOf = (ctx: LedgerContext, departmentId: string) =>
  ctx.sql.all<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM memberships m JOIN people p ON p.id = m.person_id
     WHERE m.department_id = ? AND p.active = 1 ORDER BY p.name_key LIMIT 500`,
    departmentId,
  );

function departmentResult(
  ctx: LedgerContext,
  who: Principal,
  p: PulseRow,
  d: PulseDepartmentRow,
  threshold: number,
): DepartmentResult {
  const closed = isClosed(ctx, p);
  const hidden = !closed ? 'open' : d.respondents < threshold ? 'below_threshold' : null;
  const shown = hidden === null;
  const s = shown ? tallyStats(parseTally(d.tally)) : null;
  const previous = previousPulse(ctx, p, d.department_id);
  const mayRecord = closed && mayRecordActions(ctx, who, d.department_id);
  return {
    departmentId: d.department_id,
    name: d.name,
    audience: d.audience,
    respondents: closed ? d.respondents : null,
    hidden,
    dimensions: s
      ? pulseDimensions.map((dimension) => {
          const e = s[`${dimension}_e`];
          const perceived = s[`${dimension}_p`];
          return {
            dimension,
            expectation: round2(e.mean),
            perception: round2(perceived.mean),
            gap: round2(perceived.mean - e.mean),
            expectationSpread: round2(e.spread),
            perceptionSpread: round2(perceived.spread),
            expectationCounts: e.counts,
            perceptionCounts: perceived.counts,
          };
        })
      : [],
    // Ordered by their random keys: stable, and unrelated to when or by whom they were written.
    comments: shown
      ? ctx.sql
          .all<{ body: string }>(
            'SELECT body FROM pulse_comments WHERE pulse_id = ? AND department_id = ? ORDER BY id',
            p.id,
            d.department_id,
          )
          .map((c) => c.body)
      : [],
    history: closed ? history(ctx, p, d.department_id, threshold) : [],
    askRatings: askRatings(ctx, p, d.department_id),
    actions: closed ? actionsOf(ctx, p.id, d.department_id) : [],
    canRecordActions: mayRecord,
    owners: mayRecord ? ownersOf(ctx, d.department_id) : [],
    previousActions: previous ? actionsOf(ctx, previous.id, d.department_id) : [],
  };
}

/**
 * Managers and admins see every department of a pulse; a department's members see their department's; anyone
 * else is refused. `departmentId` narrows to one department, which still needs the threshold.
 */
export function pulseResults(ctx: LedgerContext, who: Principal, id: string, query: PulseResultsQuery): PulseResults {
  const p = pulseRow(ctx, id);
  let departments = departmentsOf(ctx, p.id);
  if (!isManager(who)) departments = departments.filter((d) => memberOf(ctx, who.personId, d.department_id));
  if (departments.length === 0) {
    throw new LedgerError('forbidden', 'Pulse results are for the department’s members and managers');
  }
  if (query.departmentId !== undefined) {
    departments = departments.filter((d) => d.department_id === query.departmentId);
    if (departments.length === 0) throw new LedgerError('not_found', 'That department is not in this pulse for you');
  }
  const threshold = pulseThreshold(ctx);
  return {
    pulse: summary(ctx, p),
    threshold,
    departments: departments.map((d) => departmentResult(ctx, who, p, d, threshold)),
  };
}
