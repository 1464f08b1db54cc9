import type { InsightsQuery, Leaderboard, LeaderboardQuery, Unsung } from '../../../shared/leaderboard.ts';
import { isManager, type LedgerContext, type Principal } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { jsonList, type SqlValue } from '../sql.ts';
import { membersInSpan, quarterSpan, receivedInSpan } from './quarter-days.ts';
import { inBuckets, type Resolved, resolveRange } from './range.ts';
import { topInQuarterDays } from './range-top.ts';

/** Managers and admins only: the server refuses everyone else, whatever the client shows. */
export function requireManager(who: Principal): void {
  if (!isManager(who)) throw new LedgerError('forbidden', 'The managers’ page is for managers and admins');
}

// People who opted out of boards, and people no longer here, never appear on one. CROSS JOIN keeps
// the view as the outer loop, so a single bucket is read in its ranking index's order and stops early.
const shownPeople = (column: string) =>
  `CROSS JOIN people n ON n.id = t.${column} AND n.active = 1 AND n.board_opt_out = 0`;
const memberOf = (column: string) => `t.${column} IN (SELECT person_id FROM memberships WHERE department_id = ?)`;

/**
 * People by the amount they have in a per-person view (v_given, v_served) over one bucket or several:
 * one bucket in its ranking index's order, stopping at the limit; several summed first and only then
 * joined to people (a join per summed row, not per bucket row: 10.8 against 25.8 ms for given over
 * 15 Oct – 20 Dec at 1M exchanges). Ties by name over several buckets, as before.
 */
function topPeople(table: string, amount: string, where: string, single: boolean): string {
  if (single) {
    return `SELECT t.person_id AS id, n.name, t.${amount} AS ${amount} FROM ${table} t ${shownPeople('person_id')}
      WHERE ${where} ORDER BY t.${amount} DESC, t.person_id LIMIT ?`;
  }
  return `SELECT a.id, n.name, a.${amount} FROM (
      SELECT t.person_id AS id, SUM(t.${amount}) AS ${amount} FROM ${table} t WHERE ${where} GROUP BY t.person_id) a
    CROSS JOIN people n ON n.id = a.id AND n.active = 1 AND n.board_opt_out = 0
    ORDER BY a.${amount} DESC, n.name LIMIT ?`;
}

/** A custom range's whole buckets and ragged quarters. */
const spanOf = (r: Resolved) => quarterSpan(r.range.from as string, r.range.to as string);

/** Ties share a rank (1, 2, 2, 4). */
function ranked<T extends { received: number; givers: number; name: string }>(rows: T[]): (T & { rank: number })[] {
  let rank = 0;
  let previous = -1;
  const sorted = [...rows].sort(
    (a, b) => b.received - a.received || b.givers - a.givers || a.name.localeCompare(b.name),
  );
  return sorted.map((r, i) => {
    if (r.received !== previous) rank = i + 1;
    previous = r.received;
    return { ...r, rank };
  });
}

/** Distinct members of a set view (givers, their departments) over a custom range, for a few subjects. */
function distinct(
  ctx: LedgerContext,
  table: 'v_recognition_givers' | 'v_recognition_reach',
  member: 'giver_id' | 'department_id',
  r: Resolved,
  kind: string,
  value: string,
  ids: string[],
) {
  if (!ids.length) return new Map<string, number>();
  const members = membersInSpan(spanOf(r), table, member, kind, value, jsonList(ids));
  const rows = ctx.sql.all<{ id: string; n: number }>(
    `SELECT id, COUNT(DISTINCT m) AS n FROM (${members.sql}) GROUP BY id`,
    ...members.params,
  );
  return new Map(rows.map((row) => [row.id, row.n]));
}

/** Recognition: people or departments by thanks received (or given), filtered by department and value. */
export function leaderboard(ctx: LedgerContext, who: Principal, q: LeaderboardQuery): Leaderboard {
  requireManager(who);
  const r = resolveRange(q, ctx.now());
  const { where, params } = inBuckets(r);
  const value = q.valueId ?? '';
  const single = r.buckets.length === 1;
  const custom = r.range.period === 'custom';
  // People of one department only (departments themselves are not filtered).
  const byDepartment = !!q.departmentId && (q.kind === 'person' || q.direction === 'given');
  const inDepartment = (column: string) => (byDepartment ? ` AND ${memberOf(column)}` : '');
  const filterParams: SqlValue[] = byDepartment ? [q.departmentId as string] : [];
  let rows: { id: string; name: string; received: number; givers: number; reach: number }[];
  if (q.direction === 'given') {
    rows = ctx.sql
      .all<{ id: string; name: string; given: number }>(
        topPeople('v_given', 'given', `${where} AND t.value_id = ?${inDepartment('person_id')}`, single),
        ...params,
        value,
        ...filterParams,
        q.limit,
      )
      .map((row) => ({ id: row.id, name: row.name, received: row.given, givers: 0, reach: 0 }));
  } else {
    const names = q.kind === 'person' ? shownPeople('subject_id') : 'CROSS JOIN departments n ON n.id = t.subject_id';
    if (!custom) {
      rows = ctx.sql.all(
        `SELECT t.subject_id AS id, n.name, t.received, t.givers, t.reach FROM v_recognition t ${names}
         WHERE ${where} AND t.kind = ? AND t.value_id = ?${inDepartment('subject_id')}
         ORDER BY t.received DESC, t.subject_id LIMIT ?`,
        ...params,
        q.kind,
        value,
        ...filterParams,
        q.limit,
      );
    } else {
      // A custom range: whole buckets and ragged quarters added up first (a range inside one quarter is
      // one row per subject: nothing to add up), leaving out the few people boards never show; only the
      // top rows are named (a join per row would cost more than the sums). Most of one quarter is read
      // by its bound instead (range-top.ts).
      const span = spanOf(r);
      const hidden =
        q.kind === 'person'
          ? ' AND t.subject_id NOT IN (SELECT id FROM people WHERE active = 0 OR board_opt_out = 1)'
          : '';
      const only = !span.whole.length && span.partial.length === 1 ? span.partial[0] : null;
      const bounded =
        only &&
        topInQuarterDays(ctx, only, q.kind, value, `${inDepartment('subject_id')}${hidden}`, filterParams, q.limit);
      let top: string;
      let topParams: SqlValue[];
      if (bounded) {
        top = 'SELECT value ->> 0 AS id, value ->> 1 AS received FROM json_each(?)';
        topParams = [jsonList(bounded.map((row) => [row.id, row.received]))];
      } else {
        const parts = receivedInSpan(span, q.kind, value, `${inDepartment('subject_id')}${hidden}`, filterParams);
        const sums = parts.unique
          ? `SELECT id, n AS received FROM (${parts.sql}) WHERE n > 0`
          : `SELECT id, SUM(n) AS received FROM (${parts.sql}) GROUP BY id HAVING received > 0`;
        top = `${sums} ORDER BY received DESC, id LIMIT ?`;
        topParams = [...parts.params, q.limit];
      }
      rows = ctx.sql.all(
        `SELECT a.id, n.name, a.received, 0 AS givers, 0 AS reach FROM (${top}) a
         JOIN ${q.kind === 'person' ? 'people' : 'departments'} n ON n.id = a.id`,
        ...topParams,
      );
      // Distinct givers and reach over a range are unions of the buckets' sets, not sums.
      const ids = rows.map((row) => row.id);
      const givers = distinct(ctx, 'v_recognition_givers', 'giver_id', r, q.kind, value, ids);
      const reach = distinct(ctx, 'v_recognition_reach', 'department_id', r, q.kind, value, ids);
      rows = rows.map((row) => ({ ...row, givers: givers.get(row.id) ?? 0, reach: reach.get(row.id) ?? 0 }));
    }
  }
  const served = q.kind === 'department' && q.direction === 'received' ? servedBy(ctx, r) : null;
  return {
    range: r.range,
    kind: q.kind,
    direction: q.direction,
    rows: ranked(rows).map((row) => {
      const base = {
        rank: row.rank,
        id: row.id,
        name: row.name,
        received: row.received,
        distinctGivers: row.givers,
        reach: row.reach,
      };
      if (!served) return base;
      const asks = served.get(row.id) ?? 0;
      return {
        ...base,
        asksServed: asks,
        perHundredServed: asks ? Math.round((row.received / asks) * 1000) / 10 : null,
      };
    }),
  };
}

/** Asks each department resolved in the period. */
function servedBy(ctx: LedgerContext, r: Resolved): Map<string, number> {
  const { where, params } = inBuckets(r);
  const rows = ctx.sql.all<{ id: string; n: number }>(
    `SELECT t.department_id AS id, SUM(t.resolved) AS n FROM v_service t WHERE ${where} GROUP BY t.department_id`,
    ...params,
  );
  return new Map(rows.map((row) => [row.id, row.n]));
}

/**
 * Unsung helpers: among the people who served the most asks in the period, those thanked for fewer
 * than one in five, most asks per thank first.
 */
export function unsung(ctx: LedgerContext, who: Principal, q: InsightsQuery): Unsung {
  requireManager(who);
  const r = resolveRange(q, ctx.now());
  const { where, params } = inBuckets(r);
  const dept = q.departmentId ? ` AND ${memberOf('person_id')}` : '';
  const single = r.buckets.length === 1;
  const servers = ctx.sql.all<{ id: string; name: string; served: number }>(
    topPeople('v_served', 'served', `${where}${dept}`, single),
    ...params,
    ...(q.departmentId ? [q.departmentId] : []),
    200,
  );
  const ids = servers.map((s) => s.id);
  const thanks = new Map<string, number>();
  if (ids.length) {
    const among = ' AND t.subject_id IN (SELECT value FROM json_each(?))';
    const list = jsonList(ids);
    const parts =
      r.range.period === 'custom'
        ? receivedInSpan(spanOf(r), 'person', '', among, [list])
        : {
            sql: `SELECT t.subject_id AS id, t.received AS n FROM v_recognition t
                  WHERE ${where} AND t.kind = 'person' AND t.value_id = ''${among}`,
            params: [...params, list],
          };
    const rows = ctx.sql.all<{ id: string; n: number }>(
      `SELECT id, SUM(n) AS n FROM (${parts.sql}) GROUP BY id`,
      ...parts.params,
    );
    for (const row of rows) thanks.set(row.id, row.n);
  }
  const rows = servers
    .map((s) => ({ id: s.id, name: s.name, asksServed: s.served, thanks: thanks.get(s.id) ?? 0 }))
    .filter((s) => s.asksServed >= 3 && s.thanks * 5 < s.asksServed)
    .sort((a, b) => b.asksServed / (1 + b.thanks) - a.asksServed / (1 + a.thanks) || a.name.localeCompare(b.name))
    .slice(0, 10);
  return { range: r.range, rows };
}
