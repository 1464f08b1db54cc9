import type { Ask, AskStatus, CreateAsk, PageContext } from '../../shared/asks.ts';
import type { RecipientKind } from '../../shared/people.ts';
import type { LedgerContext, Principal } from './context.ts';
import { requireRecipient } from './directory.ts';
import { notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';

interface AskRow {
  id: string;
  seq: number;
  requester_id: string;
  requester_name: string;
  to_kind: RecipientKind;
  to_id: string;
  to_name: string;
  subject: string;
  details: string;
  context: string | null;
  expected_by: string | null;
  status: AskStatus;
  created_at: string;
}

const askSelect = `SELECT a.*, rq.name AS requester_name,
  COALESCE(tp.name, td.name, '') AS to_name
  FROM asks a JOIN people rq ON rq.id = a.requester_id
  LEFT JOIN people tp ON a.to_kind = 'person' AND tp.id = a.to_id
  LEFT JOIN departments td ON a.to_kind = 'department' AND td.id = a.to_id`;

const toAsk = (r: AskRow): Ask => ({
  id: r.id,
  seq: r.seq,
  requester: { id: r.requester_id, name: r.requester_name },
  to: { kind: r.to_kind, id: r.to_id, name: r.to_name },
  subject: r.subject,
  details: r.details,
  context: r.context ? (JSON.parse(r.context) as PageContext) : null,
  expectedBy: r.expected_by,
  status: r.status,
  createdAt: r.created_at,
});

/** Creates an ask, its event, in one transaction; once per Idempotency-Key. */
export function createAsk(ctx: LedgerContext, who: Principal, input: CreateAsk, key: string): Idempotent<Ask> {
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'ask', input }, () => {
      const toName = requireRecipient(ctx, input.to, 'to.id');
      const id = ctx.newId('a');
      const at = ctx.now().toISOString();
      const seq = appendEvent(ctx, 'ask.created', who.personId, id, { to: input.to, subject: input.subject }, at);
      ctx.sql.run(
        `INSERT INTO asks (id, seq, requester_id, to_kind, to_id, subject, details, context, expected_by, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`,
        id,
        seq,
        who.personId,
        input.to.kind,
        input.to.id,
        input.subject,
        input.details,
        input.context ? JSON.stringify(input.context) : null,
        input.expectedBy ?? null,
        at,
      );
      const requester = ctx.sql.one<{ name: string }>('SELECT name FROM people WHERE id = ?', who.personId);
      return {
        id,
        seq,
        requester: { id: who.personId, name: requester?.name ?? '' },
        to: { ...input.to, name: toName },
        subject: input.subject,
        details: input.details,
        context: input.context ?? null,
        expectedBy: input.expectedBy ?? null,
        status: 'open',
        createdAt: at,
      } satisfies Ask;
    }),
  );
}

// Who may read an ask: the requester, the person it is addressed to, members of its department.
// Positional parameters only (no ?NNN): both SQLite drivers bind them the same way. Takes the person id 3 times.
const readableBy = `(a.requester_id = ?
  OR (a.to_kind = 'person' AND a.to_id = ?)
  OR (a.to_kind = 'department' AND a.to_id IN (SELECT department_id FROM memberships WHERE person_id = ?)))`;

export function getAsk(ctx: LedgerContext, who: Principal, id: string): Ask {
  const row = ctx.sql.one<AskRow>(`${askSelect} WHERE a.id = ? AND ${readableBy}`, id, ...thrice(who.personId));
  if (!row) throw notFound('Ask');
  return toAsk(row);
}

export function asksSentBy(ctx: LedgerContext, who: Principal, limit: number): Ask[] {
  return ctx.sql
    .all<AskRow>(`${askSelect} WHERE a.requester_id = ? ORDER BY a.seq DESC LIMIT ?`, who.personId, limit)
    .map(toAsk);
}

export function asksFor(ctx: LedgerContext, who: Principal, limit: number): Ask[] {
  return ctx.sql
    .all<AskRow>(
      `${askSelect} WHERE (a.to_kind = 'person' AND a.to_id = ?)
         OR (a.to_kind = 'department' AND a.to_id IN (SELECT department_id FROM memberships WHERE person_id = ?))
       ORDER BY a.seq DESC LIMIT ?`,
      who.personId,
      who.personId,
      limit,
    )
    .map(toAsk);
}

const thrice = (v: string) => [v, v, v] as const;
