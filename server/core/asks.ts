import type { Ask, AskDetail, CreateAsk, SimilarAsk, TimelineEntry } from '../../shared/asks.ts';
import { actionsFor } from './ask-actions.ts';
import { type AskRow, askRow, fiveTimes, readAsks, readableBy, refreshDue, toAsk } from './ask-rows.ts';
import type { LedgerContext, Principal } from './context.ts';
import { primaryDepartment, requireRecipient } from './directory.ts';
import { notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countWrite } from './limits.ts';
import { attachScreenshot } from './screenshot-uploads.ts';

export type CreateAskResult = Ask | { duplicateOf: SimilarAsk };

/**
 * Creates an ask and its event in one transaction, once per Idempotency-Key. When an open ask to the
 * same department about the same page exists, nothing is created: the requester is offered to follow
 * it (unless they insist with allowDuplicate).
 */
export function createAsk(
  ctx: LedgerContext,
  who: Principal,
  input: CreateAsk,
  key: string,
): Idempotent<CreateAskResult> {
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'ask', input }, (): CreateAskResult => {
      requireRecipient(ctx, input.to, 'to.id');
      countWrite(ctx, who);
      if (input.to.kind === 'department' && input.context && !input.allowDuplicate) {
        const [duplicate] = similarAsks(ctx, who, input.to.id, input.context.url);
        if (duplicate) return { duplicateOf: duplicate };
      }
      const id = ctx.newId('a');
      if (input.context?.screenshot) attachScreenshot(ctx, who.personId, input.context.screenshot, id);
      const at = ctx.now().toISOString();
      const seq = appendEvent(
        ctx,
        'ask.created',
        who.personId,
        id,
        {
          to: input.to,
          subject: input.subject,
          importance: input.importance,
          expectedBy: input.expectedBy ?? null,
          fromDepartmentId: primaryDepartment(ctx, who.personId),
        },
        at,
      );
      ctx.sql.run(
        `INSERT INTO asks (id, seq, updated_seq, requester_id, to_kind, to_id, subject, details, context, context_url,
           expected_by, importance, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
        id,
        seq,
        seq,
        who.personId,
        input.to.kind,
        input.to.id,
        input.subject,
        input.details,
        input.context ? JSON.stringify(input.context) : null,
        input.context?.url ?? null,
        input.expectedBy ?? null,
        input.importance,
        at,
      );
      refreshDue(ctx, id);
      return toAsk(askRow(ctx, id) as AskRow, ctx.now().getTime());
    }),
  );
}

/** Open asks to a department about a page. Their subject shows only to those who may read them. */
export function similarAsks(ctx: LedgerContext, who: Principal, departmentId: string, url: string): SimilarAsk[] {
  return ctx.sql
    .all<{
      id: string;
      created_at: string;
      status: SimilarAsk['status'];
      name: string;
      subject: string;
      readable: number;
      mine: number;
    }>(
      `SELECT a.id, a.created_at, a.status, d.name, a.subject, ${readableBy} AS readable, a.requester_id = ? AS mine
       FROM asks a JOIN departments d ON d.id = a.to_id
       WHERE a.to_kind = 'department' AND a.to_id = ? AND a.context_url = ? AND a.status NOT IN ('resolved', 'declined')
       ORDER BY a.seq LIMIT 5`,
      ...fiveTimes(who.personId),
      who.personId,
      departmentId,
      url,
    )
    .map((r) => ({
      id: r.id,
      to: { id: departmentId, name: r.name },
      createdAt: r.created_at,
      status: r.status,
      subject: r.readable ? r.subject : null,
      mine: r.mine === 1,
    }));
}

/** The row of an ask the reader may see; anyone else gets "not found", never "forbidden". */
export function readableAsk(ctx: LedgerContext, who: Principal, id: string): AskRow {
  const row = ctx.sql.one<{ id: string }>(
    `SELECT a.id FROM asks a WHERE a.id = ? AND ${readableBy}`,
    id,
    ...fiveTimes(who.personId),
  );
  if (!row) throw notFound('Ask');
  return askRow(ctx, id) as AskRow;
}

export function getAsk(ctx: LedgerContext, who: Principal, id: string): Ask {
  return toAsk(readableAsk(ctx, who, id), ctx.now().getTime());
}

export function askDetail(ctx: LedgerContext, who: Principal, id: string): AskDetail {
  const row = readableAsk(ctx, who, id);
  return { ask: toAsk(row, ctx.now().getTime()), timeline: timeline(ctx, who, id), actions: actionsFor(ctx, row, who) };
}

/**
 * Follows an open ask about the page the reader is on, instead of sending a duplicate: the follower
 * may then read it. Only someone who is on that very page can follow (the id alone is not enough).
 */
export function followAsk(ctx: LedgerContext, who: Principal, id: string, url: string): AskDetail {
  return ctx.sql.transaction(() => {
    const open = ctx.sql.one<{ id: string }>(
      `SELECT id FROM asks WHERE id = ? AND context_url = ? AND to_kind = 'department'
       AND status NOT IN ('resolved', 'declined')`,
      id,
      url,
    );
    if (!open) throw notFound('Open ask');
    countWrite(ctx, who);
    const added = ctx.sql.one(
      'INSERT INTO ask_followers (ask_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING 1 AS added',
      id,
      who.personId,
    );
    if (added) {
      const seq = appendEvent(ctx, 'ask.followed', who.personId, id, {}, ctx.now().toISOString());
      ctx.sql.run('UPDATE asks SET updated_seq = ? WHERE id = ?', seq, id);
    }
    return askDetail(ctx, who, id);
  });
}

interface EventRow {
  seq: number;
  type: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  data: string;
}

function timeline(ctx: LedgerContext, who: Principal, askId: string): TimelineEntry[] {
  const events = ctx.sql.all<EventRow>(
    `SELECT e.seq, e.type, e.at, e.actor_id, p.name AS actor_name, e.data FROM events e
     LEFT JOIN people p ON p.id = e.actor_id WHERE e.subject_id = ? AND e.type <> 'ask.cause_noted' ORDER BY e.seq`,
    askId,
  );
  // Thank-yous for this ask: public ones, and private ones the reader sent or received.
  const thanks = ctx.sql.all<EventRow>(
    `SELECT t.seq, 'thank.created' AS type, t.created_at AS at, t.sender_id AS actor_id, p.name AS actor_name,
       json_object('body', t.message) AS data
     FROM thanks t JOIN people p ON p.id = t.sender_id
     WHERE t.ask_id = ? AND (t.visibility = 'public' OR t.sender_id = ?
       OR t.id IN (SELECT thank_id FROM thank_recipients WHERE kind = 'person' AND recipient_id = ?))`,
    askId,
    who.personId,
    who.personId,
  );
  return [...events, ...thanks]
    .sort((a, b) => a.seq - b.seq)
    .map((e): TimelineEntry => {
      const data = JSON.parse(e.data) as Record<string, never>;
      const base = { seq: e.seq, at: e.at, actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? '' } : null };
      switch (e.type) {
        case 'ask.created':
          return { ...base, type: 'created' };
        case 'ask.status':
          return { ...base, type: 'status', status: data.to, ...(data.reason ? { reason: data.reason } : {}) };
        case 'ask.replied':
          return { ...base, type: 'reply', body: data.body };
        case 'ask.assigned':
          return { ...base, type: 'assigned', assignee: data.assignee };
        case 'ask.forwarded':
          return {
            ...base,
            type: 'forwarded',
            from: data.from,
            to: data.to,
            ...(data.note ? { body: data.note } : {}),
          };
        case 'ask.rated':
          return { ...base, type: 'rated' };
        case 'ask.followed':
          return { ...base, type: 'followed' };
        default:
          return { ...base, type: 'thanked', body: data.body };
      }
    });
}

/** Asks I sent or follow, newest change first. */
export function asksSentBy(ctx: LedgerContext, who: Principal, limit: number): Ask[] {
  return readAsks(
    ctx,
    `a.requester_id = ? OR a.id IN (SELECT ask_id FROM ask_followers WHERE person_id = ?)
     ORDER BY a.updated_seq DESC LIMIT ?`,
    who.personId,
    who.personId,
    limit,
  );
}

/** Asks to me, assigned to me, or to one of my departments, newest change first. */
export function asksFor(ctx: LedgerContext, who: Principal, limit: number): Ask[] {
  return readAsks(
    ctx,
    `(a.to_kind = 'person' AND a.to_id = ?) OR a.assignee_id = ?
       OR (a.to_kind = 'department' AND a.to_id IN (SELECT department_id FROM memberships WHERE person_id = ?))
     ORDER BY a.updated_seq DESC LIMIT ?`,
    who.personId,
    who.personId,
    who.personId,
    limit,
  );
}

/** My resolved asks still to rate: not the ones I resolved myself. */
export function asksToRate(ctx: LedgerContext, who: Principal, limit: number): Ask[] {
  return readAsks(
    ctx,
    `a.requester_id = ? AND a.status = 'resolved' AND a.resolved_by <> a.requester_id
       AND a.id NOT IN (SELECT ask_id FROM ask_ratings) ORDER BY a.updated_seq DESC LIMIT ?`,
    who.personId,
    limit,
  );
}
