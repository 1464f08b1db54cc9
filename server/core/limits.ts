import type { RecipientRef } from '../../shared/people.ts';
import {
  defaultDigestSchedule,
  defaultLimits,
  defaultPulseSettings,
  type Settings,
  type UpdateSettings,
} from '../../shared/settings.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError } from './errors.ts';
import { appendEvent } from './events.ts';

/*
 * Per-organisation limits, counted in the ledger's own SQL inside the command's transaction: a refused
 * command rolls its count back with everything else, and the count is exact under concurrency.
 */

// Read once per ledger: this ledger is its organisation's only writer, and updateSettings refreshes it.
const cached = new WeakMap<LedgerContext['sql'], Settings>();

export function settings(ctx: LedgerContext): Settings {
  let current = cached.get(ctx.sql);
  if (!current) {
    const stored = (key: string) => {
      const row = ctx.sql.one<{ value: string }>('SELECT value FROM org_settings WHERE key = ?', key);
      return row ? JSON.parse(row.value) : {};
    };
    current = {
      limits: { ...defaultLimits, ...stored('limits') },
      digest: { ...defaultDigestSchedule, ...stored('digest') },
      pulses: { ...defaultPulseSettings, ...stored('pulses') },
    };
    cached.set(ctx.sql, current);
  }
  return current;
}

export function updateSettings(ctx: LedgerContext, who: Principal, input: UpdateSettings): Settings {
  if (who.role !== 'admin') throw new LedgerError('forbidden', 'Only admins change settings');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const limits = { ...settings(ctx).limits, ...input.limits };
    const digest = { ...settings(ctx).digest, ...input.digest };
    const pulses = { ...settings(ctx).pulses, ...input.pulses };
    for (const [key, value] of [
      ['limits', limits],
      ['digest', digest],
      ['pulses', pulses],
    ] as const) {
      ctx.sql.run(
        'INSERT INTO org_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        key,
        JSON.stringify(value),
      );
    }
    appendEvent(ctx, 'settings.updated', who.personId, null, { limits, digest, pulses }, ctx.now().toISOString());
    cached.delete(ctx.sql);
    return { limits, digest, pulses };
  });
}

/** Adds one to a counter and returns its new value. */
function bump(ctx: LedgerContext, scope: string, window: string): number {
  const row = ctx.sql.one<{ n: number }>(
    `INSERT INTO limit_counters (scope, win, n) VALUES (?, ?, 1)
     ON CONFLICT (scope, win) DO UPDATE SET n = n + 1 RETURNING n`,
    scope,
    window,
  );
  if (row?.n === 1) {
    // First count in a new window: forget this scope's older windows.
    ctx.sql.run('DELETE FROM limit_counters WHERE scope = ? AND win < ?', scope, window);
  }
  return row?.n ?? 0;
}

/** Whole seconds from now until the window of this length (ms, aligned to the epoch) ends; at least 1. */
const secondsLeft = (now: Date, windowMs: number) =>
  Math.max(1, Math.ceil((windowMs - (now.getTime() % windowMs)) / 1000));

/**
 * Counts one write by a person; refuses it past the organisation's per-minute limit. Every command a
 * person's request makes calls it inside its transaction (test/http/write-limit.test.ts walks every route).
 */
export function countWrite(ctx: LedgerContext, who: Principal): void {
  const now = ctx.now();
  const minute = now.toISOString().slice(0, 16);
  const { writesPerMinute } = settings(ctx).limits;
  if (bump(ctx, `w:${who.personId}`, minute) > writesPerMinute) {
    throw new LedgerError(
      'rate_limited',
      `Slow down: at most ${writesPerMinute} changes a minute`,
      undefined,
      secondsLeft(now, 60_000),
    );
  }
}

/** Counts a thank-you per sender and recipient per (UTC) day; refuses it past the cap. */
export function countThankTo(ctx: LedgerContext, who: Principal, to: RecipientRef, field: string): void {
  const now = ctx.now();
  const day = now.toISOString().slice(0, 10);
  const { thanksPerRecipientPerDay } = settings(ctx).limits;
  if (bump(ctx, `t:${who.personId}:${to.kind}:${to.id}`, day) > thanksPerRecipientPerDay) {
    throw new LedgerError(
      'rate_limited',
      `You can thank the same recipient ${thanksPerRecipientPerDay} times a day`,
      { [field]: 'Thanked enough today' },
      secondsLeft(now, 86_400_000),
    );
  }
}
