import type { Ask } from '../../shared/asks.ts';
import type { Queue, Sync } from '../../shared/inbox.ts';
import { type AskRow, askSelect, toAsk } from './ask-rows.ts';
import { localDate } from './business-hours.ts';
import type { LedgerContext, Principal } from './context.ts';
import { lastSeq } from './events.ts';

const QUEUE_LIMIT = 200;

/** What is due next on an open ask: its first response until someone answered, then its resolution. */
const nextDue = (ask: Ask) =>
  Date.parse((ask.firstResponseAt === null ? ask.clock.firstResponseDueAt : ask.clock.resolutionDueAt) ?? '') ||
  Number.POSITIVE_INFINITY;

/** My departments' open asks, overdue first, then by what is due soonest. */
export function queues(ctx: LedgerContext, who: Principal): Queue[] {
  const now = ctx.now().getTime();
  const departments = ctx.sql.all<{ id: string; name: string; hours: string }>(
    `SELECT d.id, d.name, d.hours FROM departments d JOIN memberships m ON m.department_id = d.id
     WHERE m.person_id = ? ORDER BY d.name`,
    who.personId,
  );
  return departments.map((department) => {
    const asks = ctx.sql
      .all<AskRow>(
        `${askSelect} WHERE a.to_kind = 'department' AND a.to_id = ? AND a.status NOT IN ('resolved', 'declined')
         ORDER BY a.seq LIMIT ?`,
        department.id,
        QUEUE_LIMIT,
      )
      .map((row) => toAsk(row, now))
      .sort((a, b) => Number(b.clock.overdue) - Number(a.clock.overdue) || nextDue(a) - nextDue(b));
    const { timeZone } = JSON.parse(department.hours) as { timeZone: string };
    const today = localDate(now, timeZone);
    return {
      department: { id: department.id, name: department.name },
      asks,
      overdue: asks.filter((a) => a.clock.overdue).length,
      dueToday: asks.filter((a) => {
        const due = nextDue(a);
        return !a.clock.overdue && Number.isFinite(due) && localDate(due, timeZone) === today;
      }).length,
    };
  });
}

/**
 * The extension's cheap poll: when nothing happened since `after`, only the cursor. Otherwise also how
 * many asks wait on me: addressed or assigned to me and not done, new to my departments and
 * unassigned, waiting on my answer, or resolved for me and not yet rated.
 */
export function sync(ctx: LedgerContext, who: Principal, after: number): Sync {
  const seq = lastSeq(ctx);
  if (seq === after) return { seq, changed: false };
  const me = who.personId;
  const row = ctx.sql.one<{ n: number }>(
    `SELECT COUNT(*) AS n FROM asks a WHERE
       (a.status IN ('open', 'acknowledged', 'in_progress')
         AND ((a.to_kind = 'person' AND a.to_id = ?) OR a.assignee_id = ?))
       OR (a.status = 'open' AND a.assignee_id IS NULL AND a.to_kind = 'department'
         AND a.to_id IN (SELECT department_id FROM memberships WHERE person_id = ?))
       OR (a.requester_id = ? AND a.status = 'waiting_on_requester')
       OR (a.requester_id = ? AND a.status = 'resolved' AND a.resolved_by <> ?
         AND a.id NOT IN (SELECT ask_id FROM ask_ratings))`,
    me,
    me,
    me,
    me,
    me,
    me,
  );
  return { seq, changed: true, waitingOnMe: row?.n ?? 0 };
}
