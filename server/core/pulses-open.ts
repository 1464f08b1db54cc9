import type { OpenPulse, PulseAudience, PulseSummary, UpdatePulse } from '../../shared/pulses.ts';
import { isManager, type LedgerContext, type Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countWrite } from './limits.ts';
import { audienceSize, type PulseRow, pulseRow, summary } from './pulse-rows.ts';
import { jsonList } from './sql.ts';

/*
 * Opening pulses, by a manager or admin now, or by the schedule every quarter (pulse-schedule.ts), and the
 * managers' list of them.
 */

const day = 86_400_000;
/** A quarterly pulse must close before the next one opens. */
const longestQuarterly = 89 * day;

export function requirePulseManager(who: Principal, what: string) {
  if (!isManager(who)) throw new LedgerError('forbidden', `Only managers and admins ${what}`);
}

export interface NewRound {
  seriesId: string;
  round: number;
  departmentIds: string[];
  audience: PulseAudience;
  repeat: 'none' | 'quarterly';
  opensAt: string;
  closesAt: string;
}

/** Writes a pulse, its departments with their audience counted, and its one event. Inside a transaction. */
export function insertPulse(ctx: LedgerContext, actorId: string | null, round: NewRound): PulseRow {
  const id = ctx.newId('pulse');
  const opens = Date.parse(round.opensAt);
  const remindAt = new Date(opens + (Date.parse(round.closesAt) - opens) / 2).toISOString();
  ctx.sql.run(
    `INSERT INTO pulses (id, series_id, round, opened_by, audience, repeat, opens_at, closes_at, remind_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    round.seriesId,
    round.round,
    actorId,
    JSON.stringify(round.audience),
    round.repeat,
    round.opensAt,
    round.closesAt,
    remindAt,
  );
  for (const departmentId of round.departmentIds) {
    ctx.sql.run(
      'INSERT INTO pulse_departments (pulse_id, department_id, audience) VALUES (?, ?, ?)',
      id,
      departmentId,
      audienceSize(ctx, round.audience, round.opensAt, departmentId),
    );
  }
  appendEvent(ctx, 'pulse.opened', actorId, id, { ...round }, round.opensAt);
  return pulseRow(ctx, id);
}

export function openPulse(ctx: LedgerContext, who: Principal, input: OpenPulse, key: string): Idempotent<PulseSummary> {
  requirePulseManager(who, 'open pulses');
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'pulse', input }, () => {
      countWrite(ctx, who);
      const now = ctx.now();
      const closes = Date.parse(input.closesAt);
      if (closes <= now.getTime() + 3_600_000) {
        throw new LedgerError('validation_failed', 'A pulse needs at least an hour to be answered', {
          closesAt: 'At least an hour from now',
        });
      }
      if (input.repeat === 'quarterly' && closes - now.getTime() > longestQuarterly) {
        throw new LedgerError('validation_failed', 'A quarterly pulse closes before the next quarter’s opens', {
          closesAt: 'Within 89 days',
        });
      }
      const known = new Set(
        ctx.sql
          .all<{ id: string }>(
            'SELECT id FROM departments WHERE id IN (SELECT value FROM json_each(?))',
            jsonList(input.departmentIds),
          )
          .map((d) => d.id),
      );
      input.departmentIds.forEach((id, i) => {
        if (!known.has(id)) {
          throw new LedgerError('validation_failed', 'Unknown department', {
            [`departmentIds.${i}`]: 'No such department',
          });
        }
      });
      const row = insertPulse(ctx, who.personId, {
        seriesId: ctx.newId('series'),
        round: 1,
        departmentIds: input.departmentIds,
        audience: input.audience,
        repeat: input.repeat,
        opensAt: now.toISOString(),
        closesAt: new Date(closes).toISOString(),
      });
      return summary(ctx, row);
    }),
  );
}

/** Stops (or restarts) the quarterly repeat after this pulse; asking for what already is records nothing. */
export function updatePulse(ctx: LedgerContext, who: Principal, id: string, input: UpdatePulse): PulseSummary {
  requirePulseManager(who, 'change pulses');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const p = pulseRow(ctx, id);
    if (p.repeat !== input.repeat) {
      if (ctx.sql.one('SELECT 1 AS x FROM pulses WHERE series_id = ? AND round > ?', p.series_id, p.round)) {
        throw new LedgerError('conflict', 'The next pulse of this series has opened: change that one');
      }
      ctx.sql.run('UPDATE pulses SET repeat = ? WHERE id = ?', input.repeat, id);
      appendEvent(ctx, 'pulse.updated', who.personId, id, { repeat: input.repeat }, ctx.now().toISOString());
    }
    return summary(ctx, pulseRow(ctx, id));
  });
}

/** Managers and admins: every pulse; others: the pulses of their departments. Newest first. */
export function listPulses(ctx: LedgerContext, who: Principal): { pulses: PulseSummary[] } {
  const rows = isManager(who)
    ? ctx.sql.all<PulseRow>('SELECT * FROM pulses ORDER BY opens_at DESC, id DESC LIMIT 100')
    : ctx.sql.all<PulseRow>(
        `SELECT * FROM pulses WHERE id IN (
           SELECT pd.pulse_id FROM pulse_departments pd JOIN memberships m ON m.department_id = pd.department_id
           WHERE m.person_id = ?) ORDER BY opens_at DESC, id DESC LIMIT 100`,
        who.personId,
      );
  return { pulses: rows.map((r) => summary(ctx, r)) };
}
