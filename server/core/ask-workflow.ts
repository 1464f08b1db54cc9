import type { AskDetail, AskStatus, Assign, Forward, Reply, Transition } from '../../shared/asks.ts';
import { actionsFor, movesFor, requesterMoves, serverMoves } from './ask-actions.ts';
import { type AskRow, hoursOf, isTerminal, refreshDue } from './ask-rows.ts';
import { askDetail, readableAsk } from './asks.ts';
import { businessMs } from './business-hours.ts';
import type { LedgerContext, Principal } from './context.ts';
import { getDepartment } from './directory.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { once } from './idempotency.ts';
import { countWrite } from './limits.ts';

/** Records a change to an ask: its event, its updated sequence, and the first response when a server acts. */
function recordChange(
  ctx: LedgerContext,
  row: AskRow,
  who: Principal,
  type: Parameters<typeof appendEvent>[1],
  data: Record<string, unknown>,
): number {
  countWrite(ctx, who);
  const now = ctx.now();
  // The first response, when this is it: recorded in the event, against the standard of the moment.
  let first: Record<string, unknown> = {};
  if (row.first_response_at === null && who.personId !== row.requester_id && type !== 'ask.forwarded') {
    const ms = businessMs(Date.parse(row.created_at), now.getTime(), hoursOf(row));
    ctx.sql.run(
      'UPDATE asks SET first_response_at = ?, first_response_ms = ? WHERE id = ?',
      now.toISOString(),
      ms,
      row.id,
    );
    row.first_response_at = now.toISOString();
    const target = row.first_response_hours === null ? null : row.first_response_hours * 3_600_000;
    first = { firstResponseMs: ms, firstResponseWithin: target === null || ms <= target };
  }
  const seq = appendEvent(ctx, type, who.personId, row.id, { ...data, ...first }, now.toISOString());
  ctx.sql.run('UPDATE asks SET updated_seq = ? WHERE id = ?', seq, row.id);
  // Callers change the ask's row before recording: its due times (and overdue count) follow once, here.
  refreshDue(ctx, row.id);
  return seq;
}

function applyStatus(ctx: LedgerContext, row: AskRow, who: Principal, to: AskStatus, reason?: string): void {
  const now = ctx.now();
  const at = now.toISOString();
  const hours = hoursOf(row);
  let waited = row.waited_ms;
  if (row.status === 'waiting_on_requester' && row.waiting_since) {
    waited += businessMs(Date.parse(row.waiting_since), now.getTime(), hours);
  }
  const waitingSince = to === 'waiting_on_requester' ? at : null;
  const ends = isTerminal(to);
  const resolutionMs = ends ? Math.max(0, businessMs(Date.parse(row.created_at), now.getTime(), hours) - waited) : null;
  ctx.sql.run(
    `UPDATE asks SET status = ?, waiting_since = ?, waited_ms = ?, decline_reason = ?,
       resolved_at = ?, resolved_by = ?, resolution_ms = ? WHERE id = ?`,
    to,
    waitingSince,
    waited,
    to === 'declined' ? (reason ?? '') : null,
    ends ? at : null,
    ends ? who.personId : null,
    resolutionMs,
    row.id,
  );
  const target = row.resolution_hours === null ? null : row.resolution_hours * 3_600_000;
  const resolution =
    resolutionMs === null ? {} : { resolutionMs, resolutionWithin: target === null || resolutionMs <= target };
  recordChange(ctx, row, who, 'ask.status', { from: row.status, to, ...(reason ? { reason } : {}), ...resolution });
  row.status = to;
}

/** Moves an ask along its lifecycle; refuses what the lifecycle does not allow (409) or the person may not do (403). */
export function transitionAsk(ctx: LedgerContext, who: Principal, id: string, input: Transition): AskDetail {
  return ctx.sql.transaction(() => {
    const row = readableAsk(ctx, who, id);
    if (!movesFor(ctx, row, who).includes(input.status)) {
      const anyone = [...serverMoves[row.status], ...requesterMoves[row.status]];
      if (anyone.includes(input.status)) {
        throw new LedgerError('forbidden', `You cannot move this ask to ${input.status}`);
      }
      throw new LedgerError('illegal_transition', `An ask that is ${row.status} cannot become ${input.status}`, {
        status: `Not allowed from ${row.status}`,
      });
    }
    applyStatus(ctx, row, who, input.status, input.reason);
    return askDetail(ctx, who, id);
  });
}

/** A reply from either side. The requester answering while the ask waits on them sets it going again. */
export function replyToAsk(ctx: LedgerContext, who: Principal, id: string, input: Reply, key: string) {
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'reply', id, input }, () => {
      const row = readableAsk(ctx, who, id);
      if (!actionsFor(ctx, row, who).canReply) {
        throw new LedgerError('illegal_transition', `A ${row.status} ask takes no replies; reopen it first`);
      }
      ctx.sql.run('UPDATE asks SET reply_count = reply_count + 1 WHERE id = ?', id);
      recordChange(ctx, row, who, 'ask.replied', { body: input.body });
      if (row.status === 'waiting_on_requester' && who.personId === row.requester_id) {
        applyStatus(ctx, row, who, 'in_progress');
      }
      return askDetail(ctx, who, id);
    }),
  );
}

export function assignAsk(ctx: LedgerContext, who: Principal, id: string, input: Assign): AskDetail {
  return ctx.sql.transaction(() => {
    const row = readableAsk(ctx, who, id);
    if (!actionsFor(ctx, row, who).canAssign)
      throw new LedgerError('forbidden', 'Only its department assigns an open ask');
    let assignee: { id: string; name: string } | null = null;
    if (input.assigneeId) {
      const person = ctx.sql.one<{ id: string; name: string }>(
        `SELECT p.id, p.name FROM people p JOIN memberships m ON m.person_id = p.id
         WHERE p.id = ? AND m.department_id = ? AND p.active = 1`,
        input.assigneeId,
        row.to_id,
      );
      if (!person) {
        throw new LedgerError('validation_failed', 'Assign it to a member of the department', {
          assigneeId: 'Not a member of this department',
        });
      }
      assignee = person;
    }
    ctx.sql.run('UPDATE asks SET assignee_id = ? WHERE id = ?', assignee?.id ?? null, id);
    recordChange(ctx, row, who, 'ask.assigned', { assignee });
    return askDetail(ctx, who, id);
  });
}

/** Hands an ask to another department: kept as a hand-off, the ask starts over there (open, unassigned). */
export function forwardAsk(ctx: LedgerContext, who: Principal, id: string, input: Forward) {
  return ctx.sql.transaction(() => {
    const row = readableAsk(ctx, who, id);
    if (!actionsFor(ctx, row, who).canForward)
      throw new LedgerError('forbidden', 'Only its department forwards an open ask');
    const target = getDepartment(ctx, input.departmentId);
    if (!target)
      throw new LedgerError('unknown_recipient', 'No such department', { departmentId: 'Unknown department' });
    if (target.id === row.to_id) {
      throw new LedgerError('validation_failed', 'It is already with that department', {
        departmentId: 'Same department',
      });
    }
    const from = { id: row.to_id, name: row.to_name };
    const waited =
      row.status === 'waiting_on_requester' && row.waiting_since
        ? row.waited_ms + businessMs(Date.parse(row.waiting_since), ctx.now().getTime(), hoursOf(row))
        : row.waited_ms;
    ctx.sql.run(
      `UPDATE asks SET to_id = ?, assignee_id = NULL, status = 'open', waiting_since = NULL, waited_ms = ? WHERE id = ?`,
      target.id,
      waited,
      id,
    );
    const seq = recordChange(ctx, row, who, 'ask.forwarded', {
      from,
      to: { id: target.id, name: target.name },
      note: input.note,
    });
    ctx.sql.run(
      `INSERT INTO ask_handoffs (ask_id, seq, from_department_id, to_department_id, by_id, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      id,
      seq,
      from.id,
      target.id,
      who.personId,
      input.note,
      ctx.now().toISOString(),
    );
    return { forwardedTo: { id: target.id, name: target.name } };
  });
}
