import { type MyPulses, type PulseResponse, type PulseSkip, pulseDimensions } from '../../shared/pulses.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { randomId } from './hmac.ts';
import {
  actionsOf,
  closedAt,
  inAudience,
  isClosed,
  keyed,
  markerOf,
  markerRow,
  type PulseRow,
  pulseRow,
  pulseThreshold,
} from './pulse-rows.ts';
import { addToTally, parseTally } from './pulse-tally.ts';

/*
 * Answering and skipping a pulse's card, and the cards waiting in a person's panel. What is stored of an
 * answer names nobody and no time: the ratings under a random key, the comment apart under another, a marker
 * (HMAC of pulse, department and person under the organisation's secret) that refuses a second answer, and an
 * event with no actor, no content and the pulse's opening as its time.
 */

const columns = pulseDimensions.flatMap((d) => [`${d}_e`, `${d}_p`]);

/** The pulse and department a person is asked about, or the refusal; `open` also refuses a closed pulse. */
function openCard(ctx: LedgerContext, who: Principal, pulseId: string, departmentId: string, open = true): PulseRow {
  const p = pulseRow(ctx, pulseId);
  if (
    !ctx.sql.one('SELECT 1 AS x FROM pulse_departments WHERE pulse_id = ? AND department_id = ?', p.id, departmentId)
  ) {
    throw new LedgerError('not_found', 'This pulse does not ask about that department', {
      departmentId: 'Not in this pulse',
    });
  }
  if (!inAudience(ctx, p, departmentId, who.personId)) {
    throw new LedgerError('forbidden', 'This pulse does not ask you about that department');
  }
  if (open && isClosed(ctx, p)) throw new LedgerError('conflict', 'This pulse has closed');
  return p;
}

export interface Answered {
  pulseId: string;
  departmentId: string;
  answered: true;
}

/** Records one anonymous answer; a retry with the same Idempotency-Key answers the same, any other is refused. */
export function respondToPulse(
  ctx: LedgerContext,
  who: Principal,
  pulseId: string,
  input: PulseResponse,
  key: string,
): Answered {
  return ctx.sql.transaction(() => {
    // A retry of an answer recorded just before the pulse closed still answers the same.
    const p = openCard(ctx, who, pulseId, input.departmentId, false);
    const result: Answered = { pulseId: p.id, departmentId: input.departmentId, answered: true };
    const marker = markerOf(ctx, p.id, input.departmentId, who);
    const keyHash = keyed(ctx, `key:${who.personId}:${key}`);
    const seen = markerRow(ctx, p.id, marker);
    if (seen?.state === 'answered' && seen.key_hash === keyHash) return result;
    if (isClosed(ctx, p)) throw new LedgerError('conflict', 'This pulse has closed');
    if (seen?.state === 'answered') {
      throw new LedgerError('conflict', 'You have answered this pulse about this department already');
    }
    // Not counted against the writes-per-minute cap: that counter is a row naming the person with the minute it
    // was written in. The marker bounds answers and skips already (one each per card and person).
    ctx.sql.run(
      `INSERT INTO pulse_markers (pulse_id, marker, state, key_hash, remind_at) VALUES (?, ?, 'answered', ?, NULL)
       ON CONFLICT (pulse_id, marker) DO UPDATE SET state = 'answered', key_hash = excluded.key_hash, remind_at = NULL`,
      p.id,
      marker,
      keyHash,
    );
    const values = pulseDimensions.flatMap((d) => [input.ratings[d].expectation, input.ratings[d].perception]);
    ctx.sql.run(
      `INSERT INTO pulse_responses (pulse_id, department_id, id, ${columns.join(', ')})
       VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')})`,
      p.id,
      input.departmentId,
      randomId(),
      ...values,
    );
    if (input.comment) {
      ctx.sql.run(
        'INSERT INTO pulse_comments (pulse_id, department_id, id, body) VALUES (?, ?, ?, ?)',
        p.id,
        input.departmentId,
        randomId(),
        input.comment,
      );
    }
    const row = ctx.sql.one<{ tally: string | null }>(
      'SELECT tally FROM pulse_departments WHERE pulse_id = ? AND department_id = ?',
      p.id,
      input.departmentId,
    );
    ctx.sql.run(
      'UPDATE pulse_departments SET respondents = respondents + 1, tally = ? WHERE pulse_id = ? AND department_id = ?',
      JSON.stringify(addToTally(parseTally(row?.tally), values)),
      p.id,
      input.departmentId,
    );
    appendEvent(ctx, 'pulse.answered', null, p.id, {}, p.opens_at);
    return result;
  });
}

const lastDay = 86_400_000;

/**
 * Skips a card. The first skip brings it back once: at the pulse's midpoint, or (skipped after it) a day before
 * it closes; skipping the reminder dismisses it. Skipping again before the reminder records nothing.
 */
export function skipPulse(ctx: LedgerContext, who: Principal, pulseId: string, input: PulseSkip) {
  return ctx.sql.transaction(() => {
    const p = openCard(ctx, who, pulseId, input.departmentId);
    const marker = markerOf(ctx, p.id, input.departmentId, who);
    const seen = markerRow(ctx, p.id, marker);
    const now = ctx.now().toISOString();
    const answer = (remindAt: string | null) => ({ pulseId: p.id, departmentId: input.departmentId, remindAt });
    if (seen?.state === 'answered') throw new LedgerError('conflict', 'You have answered this pulse already');
    if (seen?.state === 'dismissed') return answer(null);
    if (seen?.state === 'skipped' && seen.remind_at !== null && seen.remind_at > now) return answer(seen.remind_at);
    let remindAt: string | null = null;
    if (!seen) {
      const lastCall = new Date(Date.parse(p.closes_at) - lastDay).toISOString();
      remindAt = p.remind_at > now ? p.remind_at : lastCall > now ? lastCall : null;
    }
    ctx.sql.run(
      `INSERT INTO pulse_markers (pulse_id, marker, state, key_hash, remind_at) VALUES (?, ?, ?, NULL, ?)
       ON CONFLICT (pulse_id, marker) DO UPDATE SET state = excluded.state, remind_at = excluded.remind_at`,
      p.id,
      marker,
      remindAt ? 'skipped' : 'dismissed',
      remindAt,
    );
    appendEvent(ctx, 'pulse.skipped', null, p.id, {}, p.opens_at);
    return answer(remindAt);
  });
}

interface CardRow {
  pulse_id: string;
  department_id: string;
  name: string;
}

/** How long a closed pulse's changes stay in the panel. */
const changesForDays = 120;

/** The cards waiting for a person (open pulses that ask them, not answered, not skipped) and recent changes. */
export function myPulses(ctx: LedgerContext, who: Principal): MyPulses {
  const now = ctx.now().toISOString();
  const cards = ctx.sql.all<CardRow & { closes_at: string }>(
    `SELECT pd.pulse_id, pd.department_id, d.name, p.closes_at FROM pulses p
     JOIN pulse_departments pd ON pd.pulse_id = p.id JOIN departments d ON d.id = pd.department_id
     WHERE p.closed_at IS NULL AND p.closes_at > ? AND p.opens_at <= ? ORDER BY p.closes_at, d.name_key`,
    now,
    now,
  );
  const pending: MyPulses['pending'] = [];
  // A pulse asks about up to 20 departments: read each pulse once.
  const rows = new Map<string, PulseRow>();
  const rowOf = (id: string) => rows.get(id) ?? (rows.set(id, pulseRow(ctx, id)).get(id) as PulseRow);
  for (const c of cards) {
    const p = rowOf(c.pulse_id);
    if (!inAudience(ctx, p, c.department_id, who.personId)) continue;
    const seen = markerRow(ctx, p.id, markerOf(ctx, p.id, c.department_id, who));
    const reminder = seen?.state === 'skipped' && seen.remind_at !== null && seen.remind_at <= now;
    if (seen && !reminder) continue;
    pending.push({
      pulseId: p.id,
      departmentId: c.department_id,
      departmentName: c.name,
      closesAt: c.closes_at,
      reminder,
    });
  }
  const since = new Date(ctx.now().getTime() - changesForDays * 86_400_000).toISOString();
  const changed = ctx.sql.all<CardRow>(
    `SELECT DISTINCT a.pulse_id, a.department_id, d.name FROM pulse_actions a
     JOIN pulses p ON p.id = a.pulse_id JOIN departments d ON d.id = a.department_id
     WHERE COALESCE(p.closed_at, p.closes_at) >= ?`,
    since,
  );
  const changes: MyPulses['changes'] = [];
  for (const c of changed) {
    const p = rowOf(c.pulse_id);
    if (!isClosed(ctx, p) || !inAudience(ctx, p, c.department_id, who.personId)) continue;
    changes.push({
      pulseId: p.id,
      departmentId: c.department_id,
      departmentName: c.name,
      closedAt: closedAt(p),
      actions: actionsOf(ctx, p.id, c.department_id),
    });
  }
  changes.sort((a, b) => (a.closedAt < b.closedAt ? 1 : a.closedAt > b.closedAt ? -1 : 0));
  const threshold = pulseThreshold(ctx);
  // The person's own departments' results, once readable: through their memberships (a handful of rows).
  const results = ctx.sql
    .all<CardRow & { closed: string }>(
      `SELECT pd.pulse_id, pd.department_id, d.name, COALESCE(p.closed_at, p.closes_at) AS closed
       FROM memberships m JOIN pulse_departments pd ON pd.department_id = m.department_id
       JOIN pulses p ON p.id = pd.pulse_id JOIN departments d ON d.id = pd.department_id
       WHERE m.person_id = ? AND pd.respondents >= ? AND COALESCE(p.closed_at, p.closes_at) >= ?
         AND COALESCE(p.closed_at, p.closes_at) <= ?
       ORDER BY closed DESC, p.id DESC LIMIT 5`,
      who.personId,
      threshold,
      since,
      now,
    )
    .map((r) => ({ pulseId: r.pulse_id, departmentId: r.department_id, departmentName: r.name, closedAt: r.closed }));
  return { pending, threshold, changes, results };
}
