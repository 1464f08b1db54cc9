import type { AskCause, CauseStep, NoteCause } from '../../shared/causes.ts';
import { readableAsk } from './asks.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError, notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';

/** A step of an ask a cause may follow, with the hand-off pair it belongs to (as the hand-off map keys it). */
export interface Step {
  seq: number;
  actorId: string | null;
  step: CauseStep;
  at: string;
  /** The requester's department ('' for none). */
  from: string;
  /** The department serving it then; null for an ask to a person. */
  to: string | null;
}

interface StepEvent {
  seq: number;
  type: string;
  actor_id: string | null;
  data: string;
  at: string;
}

/**
 * The steps in an ask's events: a reopen (a terminal ask made open again), a decline, a forward back to a
 * department that had it before (a bounce, as views/projection.ts counts it), a rating of 2 or less.
 */
export function stepsOf(events: StepEvent[]): Step[] {
  const steps: Step[] = [];
  let from = '';
  let to: string | null = null;
  const visited = new Set<string>();
  for (const e of events) {
    const data = JSON.parse(e.data) as Record<string, unknown>;
    const at = (step: CauseStep, dept = to) =>
      steps.push({ seq: e.seq, actorId: e.actor_id, step, at: e.at, from, to: dept });
    if (e.type === 'ask.created') {
      const target = data.to as { kind: string; id: string };
      from = typeof data.fromDepartmentId === 'string' ? data.fromDepartmentId : '';
      to = target.kind === 'department' ? target.id : null;
      if (to) visited.add(to);
    } else if (e.type === 'ask.forwarded') {
      const next = (data.to as { id: string }).id;
      if (visited.has(next)) at('bounced', next);
      visited.add(next);
      to = next;
    } else if (e.type === 'ask.status') {
      const terminal = (s: unknown) => s === 'resolved' || s === 'declined';
      if (data.to === 'declined') at('declined');
      else if (terminal(data.from) && !terminal(data.to)) at('reopened');
    } else if (e.type === 'ask.rated' && typeof data.overall === 'number' && data.overall <= 2) {
      at('rated_low');
    }
  }
  return steps;
}

/**
 * Records what got in the way of the caller's latest step on the ask (a category: shared/causes.ts), once per
 * step. Tapping the same cause again answers the same (a retry); another cause for a step that has one is refused.
 * Whoever took the step may give its cause even when the ask has left their hands (a bounce sends it away).
 */
export function noteCause(
  ctx: LedgerContext,
  who: Principal,
  askId: string,
  input: NoteCause,
): { result: AskCause; replayed: boolean } {
  return ctx.sql.transaction(() => {
    const events = ctx.sql.all<StepEvent>(
      `SELECT seq, type, actor_id, data, at FROM events WHERE subject_id = ?
         AND type IN ('ask.created', 'ask.status', 'ask.forwarded', 'ask.rated') ORDER BY seq`,
      askId,
    );
    if (!events.length || events[0].type !== 'ask.created') throw notFound('Ask');
    const step = stepsOf(events)
      .filter((s) => s.actorId === who.personId)
      .at(-1);
    if (!step) {
      readableAsk(ctx, who, askId); // not found for whoever may not read it
      throw new LedgerError(
        'conflict',
        'A cause follows a reopen, a forward back, a decline or a low rating of yours on this ask',
      );
    }
    // Causes are counted per department pair: an ask to a person has none, so nothing is kept that no view shows.
    if (step.to === null) {
      throw new LedgerError('conflict', 'Causes are given for asks to a department');
    }
    const result: AskCause = { askId, step: step.step, cause: input.cause };
    const given = ctx.sql.one<{ cause: string }>('SELECT cause FROM ask_causes WHERE step_seq = ?', step.seq);
    if (given) {
      if (given.cause === input.cause) return { result, replayed: true };
      throw new LedgerError('conflict', 'A cause is already recorded for this step', {
        cause: 'Already recorded for this step',
      });
    }
    countWrite(ctx, who);
    const now = ctx.now().toISOString();
    // Department ids and the step's time only: the views count the cause where and when the step was.
    const seq = appendEvent(
      ctx,
      'ask.cause_noted',
      who.personId,
      askId,
      {
        cause: input.cause,
        step: step.step,
        stepSeq: step.seq,
        stepAt: step.at,
        fromDepartmentId: step.from,
        toDepartmentId: step.to,
      },
      now,
    );
    ctx.sql.run(
      'INSERT INTO ask_causes (step_seq, ask_id, person_id, step, cause, seq, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      step.seq,
      askId,
      who.personId,
      step.step,
      input.cause,
      seq,
      now,
    );
    return { result, replayed: false };
  });
}
