import type { RecipientRef } from '../../shared/people.ts';
import { thanksSelf } from '../../shared/rules.ts';
import type { CreateThank, Thank } from '../../shared/thanks.ts';
import { getAsk } from './asks.ts';
import type { LedgerContext, Principal } from './context.ts';
import { primaryDepartment, requireRecipient } from './directory.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countThankTo, countWrite } from './limits.ts';
import { chosenValues, namesOf, valueNames } from './values.ts';

/** Records a thank-you, its event and its leaderboard counts in one transaction; once per key. */
export function createThank(ctx: LedgerContext, who: Principal, input: CreateThank, key: string): Idempotent<Thank> {
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'thank', input }, () => {
      countWrite(ctx, who);
      return recordThank(ctx, who, input);
    }),
  );
}

/** The thank-you itself, inside a caller's transaction: rows, event, counters. */
export function recordThank(ctx: LedgerContext, who: Principal, input: CreateThank): Thank {
  if (thanksSelf(who.personId, input.to)) {
    throw new LedgerError('self_thanks', 'You cannot thank yourself', { to: 'Remove yourself' });
  }
  const to = input.to.map((ref, i) => {
    const name = requireRecipient(ctx, ref, `to.${i}.id`);
    countThankTo(ctx, who, ref, `to.${i}.id`);
    return { ...ref, name };
  });
  const values = chosenValues(ctx, input.values);
  if (input.askId) getAsk(ctx, who, input.askId); // 404 unless the sender can read the ask
  const id = ctx.newId('t');
  const now = ctx.now();
  const at = now.toISOString();
  const seq = appendEvent(
    ctx,
    'thank.created',
    who.personId,
    id,
    {
      to: input.to,
      askId: input.askId,
      visibility: input.visibility,
      values: input.values,
      fromDepartmentId: primaryDepartment(ctx, who.personId),
    },
    at,
  );
  ctx.sql.run(
    `INSERT INTO thanks (id, seq, sender_id, message, "values", value_ids, ask_id, visibility, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    seq,
    who.personId,
    input.message,
    JSON.stringify(values),
    JSON.stringify(input.values),
    input.askId ?? null,
    input.visibility,
    at,
  );
  for (const ref of input.to) {
    ctx.sql.run(
      'INSERT INTO thank_recipients (thank_id, kind, recipient_id, seq) VALUES (?, ?, ?, ?)',
      id,
      ref.kind,
      ref.id,
      seq,
    );
  }
  const sender = ctx.sql.one<{ name: string }>('SELECT name FROM people WHERE id = ?', who.personId);
  return {
    id,
    seq,
    from: { id: who.personId, name: sender?.name ?? '' },
    to,
    message: input.message,
    values,
    askId: input.askId ?? null,
    visibility: input.visibility,
    createdAt: at,
  } satisfies Thank;
}

interface ThankRow {
  id: string;
  seq: number;
  sender_id: string;
  sender_name: string;
  message: string;
  values: string;
  value_ids: string;
  ask_id: string | null;
  visibility: Thank['visibility'];
  created_at: string;
}

/** Thank-yous to me or to one of my departments, newest first, private ones included (they are mine). */
export function thanksReceivedBy(ctx: LedgerContext, who: Principal, limit: number): Thank[] {
  const rows = ctx.sql.all<ThankRow>(
    `SELECT t.*, s.name AS sender_name FROM thanks t JOIN people s ON s.id = t.sender_id
     WHERE t.id IN (
       SELECT thank_id FROM thank_recipients WHERE kind = 'person' AND recipient_id = ?
       UNION SELECT thank_id FROM thank_recipients WHERE kind = 'department'
         AND recipient_id IN (SELECT department_id FROM memberships WHERE person_id = ?))
     ORDER BY t.seq DESC LIMIT ?`,
    who.personId,
    who.personId,
    limit,
  );
  const names = valueNames(ctx);
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq,
    from: { id: r.sender_id, name: r.sender_name },
    to: recipientsOf(ctx, r.id),
    message: r.message,
    values: namesOf(names, JSON.parse(r.value_ids), JSON.parse(r.values)),
    askId: r.ask_id,
    visibility: r.visibility,
    createdAt: r.created_at,
  }));
}

function recipientsOf(ctx: LedgerContext, thankId: string): Thank['to'] {
  return ctx.sql.all<RecipientRef & { name: string }>(
    `SELECT r.kind, r.recipient_id AS id, COALESCE(p.name, d.name, '') AS name FROM thank_recipients r
     LEFT JOIN people p ON r.kind = 'person' AND p.id = r.recipient_id
     LEFT JOIN departments d ON r.kind = 'department' AND d.id = r.recipient_id
     WHERE r.thank_id = ?`,
    thankId,
  );
}
