import type { PulseAudience, PulseSummary } from '../../shared/pulses.ts';
import type { LedgerContext, Principal } from './context.ts';
import { appendEvent } from './events.ts';
import { countWrite } from './limits.ts';
import { departmentsOf, type PulseRow, pulseRow, summary } from './pulse-rows.ts';
import { insertPulse, requirePulseManager } from './pulses-open.ts';

/*
 * Closing pulses (by hand, or when their time comes) and opening each quarterly pulse's next round. The
 * runtime calls sweepPulses from its loop (Node's timer, the Durable Object's alarm) and arms the alarm for
 * nextPulseWork. Exactly once across restarts: a pulse closes once (closed_at), and a series holds one pulse
 * per round (UNIQUE (series_id, round)), checked again inside each round's own transaction.
 */

/** Three calendar months later, at the same time of day; the 31st becomes the month's last day. */
export function quarterAfter(iso: string): string {
  const d = new Date(iso);
  const target = new Date(d);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + 3);
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString();
}

function recordClose(ctx: LedgerContext, p: PulseRow, actorId: string | null, at: string) {
  ctx.sql.run('UPDATE pulses SET closed_at = ? WHERE id = ?', at, p.id);
  const respondents = Object.fromEntries(departmentsOf(ctx, p.id).map((d) => [d.department_id, d.respondents]));
  appendEvent(ctx, 'pulse.closed', actorId, p.id, { respondents }, at);
}

/** Closes a pulse now (managers and admins); closing a closed one records nothing. */
export function closePulse(ctx: LedgerContext, who: Principal, id: string): PulseSummary {
  requirePulseManager(who, 'close pulses');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const p = pulseRow(ctx, id);
    if (p.closed_at === null) {
      const now = ctx.now().toISOString();
      recordClose(ctx, p, who.personId, [p.closes_at, now].sort()[0]);
    }
    return summary(ctx, pulseRow(ctx, id));
  });
}

/** Quarterly pulses whose next round has not opened. */
const awaitingNext = (ctx: LedgerContext) =>
  ctx.sql.all<PulseRow>(
    `SELECT * FROM pulses p WHERE repeat = 'quarterly'
     AND NOT EXISTS (SELECT 1 FROM pulses n WHERE n.series_id = p.series_id AND n.round = p.round + 1)`,
  );

/** Closes what is due and opens the quarterly rounds that are due; one transaction each. */
export function sweepPulses(ctx: LedgerContext): { closed: number; opened: number } {
  const now = ctx.now().toISOString();
  let closed = 0;
  let opened = 0;
  for (const { id } of ctx.sql.all<{ id: string }>(
    'SELECT id FROM pulses WHERE closed_at IS NULL AND closes_at <= ?',
    now,
  )) {
    ctx.sql.transaction(() => {
      const p = pulseRow(ctx, id);
      if (p.closed_at !== null) return;
      recordClose(ctx, p, null, p.closes_at);
      closed++;
    });
  }
  for (const due of awaitingNext(ctx).filter((p) => quarterAfter(p.opens_at) <= now)) {
    ctx.sql.transaction(() => {
      // Checked again inside the transaction: another round of the loop may have opened it since.
      const p = pulseRow(ctx, due.id);
      if (p.repeat !== 'quarterly') return;
      if (ctx.sql.one('SELECT 1 AS x FROM pulses WHERE series_id = ? AND round = ?', p.series_id, p.round + 1)) return;
      // On time, it opens at its moment (no drift by the loop's period); late by more than a day (the server
      // was down), it opens now. Either way for as long as the last one ran.
      const scheduled = quarterAfter(p.opens_at);
      const opensAt = Date.parse(now) - Date.parse(scheduled) < 86_400_000 ? scheduled : now;
      const length = Date.parse(p.closes_at) - Date.parse(p.opens_at);
      insertPulse(ctx, null, {
        seriesId: p.series_id,
        round: p.round + 1,
        departmentIds: departmentsOf(ctx, p.id).map((d) => d.department_id),
        audience: JSON.parse(p.audience) as PulseAudience,
        repeat: 'quarterly',
        opensAt,
        closesAt: new Date(Date.parse(opensAt) + length).toISOString(),
      });
      opened++;
    });
  }
  return { closed, opened };
}

/** When the loop next has pulse work: a closing time or a quarterly round; null when none is waiting. */
export function nextPulseWork(ctx: LedgerContext): string | null {
  const closing = ctx.sql.one<{ at: string | null }>(
    'SELECT MIN(closes_at) AS at FROM pulses WHERE closed_at IS NULL',
  )?.at;
  const due = [closing ?? null, ...awaitingNext(ctx).map((p) => quarterAfter(p.opens_at))].filter(
    (d): d is string => d !== null,
  );
  return due.length ? due.sort()[0] : null;
}
