import type { EventType } from '../../shared/events.ts';
import type { CompanyValue } from '../../shared/people.ts';
import {
  type NewValue,
  type UpdateValue,
  type ValueItem,
  type ValueOrder,
  valueLimits,
  valueNameKey,
} from '../../shared/values.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError, notFound } from './errors.ts';
import { appendEvent, type EventRow } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countWrite } from './limits.ts';
import { requireAdmin } from './org-admin.ts';
import { jsonList } from './sql.ts';

/*
 * The organisation's company values. Each command appends one event and applies it with `applyValueEvent`,
 * the same function `rebuildValues` replays the log through: the table always equals a replay.
 */

const valueEvents = ['value.added', 'value.renamed', 'values.reordered', 'value.retired', 'value.restored'] as const;
type ValueEvent = (typeof valueEvents)[number] & EventType;

interface ValueRow {
  id: string;
  name: string;
  position: number;
  retired_at: string | null;
}

const rows = (ctx: LedgerContext) =>
  ctx.sql.all<ValueRow>(
    'SELECT id, name, position, retired_at FROM company_values ORDER BY retired_at IS NOT NULL, position, name',
  );
const toItem = (r: ValueRow): ValueItem => ({ id: r.id, name: r.name, retired: r.retired_at !== null });
const nextPosition = (ctx: LedgerContext) =>
  (ctx.sql.one<{ p: number | null }>('SELECT MAX(position) AS p FROM company_values')?.p ?? -1) + 1;
const activeCount = (ctx: LedgerContext) =>
  ctx.sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM company_values WHERE retired_at IS NULL')?.n ?? 0;

/** The values a thank-you may carry: the active ones, in the admin's order. */
export function activeValues(ctx: LedgerContext): CompanyValue[] {
  return rows(ctx)
    .filter((r) => r.retired_at === null)
    .map((r) => ({ id: r.id, name: r.name }));
}

/**
 * The names of the values a new thank-you carries; an unknown or retired one is refused (the panel may
 * offer a value an admin retired since it last looked).
 */
export function chosenValues(ctx: LedgerContext, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Map(rows(ctx).map((r) => [r.id, r]));
  return ids.map((id) => {
    const value = found.get(id);
    if (!value) throw new LedgerError('validation_failed', 'Unknown company value', { values: 'Unknown value' });
    if (value.retired_at !== null) {
      throw new LedgerError('validation_failed', `${value.name} is retired: choose another value`, {
        values: `${value.name} is retired`,
      });
    }
    return value.name;
  });
}

/** Every value's current name by id, retired ones included: old thank-yous show what their values are called now. */
export const valueNames = (ctx: LedgerContext): ReadonlyMap<string, string> =>
  new Map(rows(ctx).map((r) => [r.id, r.name]));

/** A thank-you's value names: current ones by id, else the names it was given with. */
export const namesOf = (names: ReadonlyMap<string, string>, ids: readonly string[], given: readonly string[]) =>
  ids.length === given.length ? ids.map((id, i) => names.get(id) ?? given[i]) : [...given];

/** Active values in order, then retired ones (for admins and managers, who see them on old thank-yous). */
export function listValues(ctx: LedgerContext, who: Principal, all: boolean): { values: ValueItem[] } {
  if (all && who.role === 'member') throw new LedgerError('forbidden', 'Retired values are for managers and admins');
  const found = rows(ctx).map(toItem);
  return { values: all ? found : found.filter((v) => !v.retired) };
}

/** Writes what one value event says into the table: the commands and the replay share it. */
export function applyValueEvent(
  ctx: LedgerContext,
  type: ValueEvent,
  id: string | null,
  data: Record<string, unknown>,
  at: string,
) {
  if (type === 'value.added') {
    ctx.sql.run(
      'INSERT INTO company_values (id, name, position, retired_at) VALUES (?, ?, ?, NULL)',
      id,
      String(data.name),
      Number(data.position),
    );
  } else if (type === 'value.renamed') {
    ctx.sql.run('UPDATE company_values SET name = ? WHERE id = ?', String(data.name), id);
  } else if (type === 'value.retired') {
    ctx.sql.run('UPDATE company_values SET retired_at = ? WHERE id = ?', at, id);
  } else if (type === 'value.restored') {
    ctx.sql.run('UPDATE company_values SET retired_at = NULL, position = ? WHERE id = ?', Number(data.position), id);
  } else {
    // One bound value however many ids (a Durable Object binds at most 100 per statement).
    ctx.sql.run(
      `UPDATE company_values SET position = (SELECT CAST(o.key AS INTEGER) FROM json_each(?) o WHERE o.value = company_values.id)
       WHERE id IN (SELECT value FROM json_each(?))`,
      jsonList(data.ids as string[]),
      jsonList(data.ids as string[]),
    );
  }
}

function record(
  ctx: LedgerContext,
  type: ValueEvent,
  actorId: string | null,
  id: string | null,
  data: Record<string, unknown>,
) {
  const at = ctx.now().toISOString();
  appendEvent(ctx, type, actorId, id, data, at);
  applyValueEvent(ctx, type, id, data, at);
}

/** Refuses a name another value already has (retired ones included), however it is cased or accented. */
function requireFreeName(ctx: LedgerContext, name: string, except?: string) {
  const key = valueNameKey(name);
  const taken = rows(ctx).find((r) => r.id !== except && valueNameKey(r.name) === key);
  if (taken) {
    const retired = taken.retired_at ? ' (retired: restore it instead)' : '';
    throw new LedgerError('conflict', `There is a value called ${taken.name} already${retired}`, {
      name: `Already a value${retired}`,
    });
  }
}

function requireRoom(ctx: LedgerContext, field: string) {
  if (activeCount(ctx) >= valueLimits.active) {
    throw new LedgerError('conflict', `At most ${valueLimits.active} values can be active: retire one first`, {
      [field]: `At most ${valueLimits.active} active values`,
    });
  }
}

function insertValue(ctx: LedgerContext, actorId: string | null, name: string): ValueItem {
  requireFreeName(ctx, name);
  requireRoom(ctx, 'name');
  const id = ctx.newId('v');
  record(ctx, 'value.added', actorId, id, { name, position: nextPosition(ctx) });
  return { id, name, retired: false };
}

/** Seeding and setup (no actor): one transaction. */
export const addValue = (ctx: LedgerContext, name: string): CompanyValue =>
  ctx.sql.transaction(() => {
    const { id } = insertValue(ctx, null, name);
    return { id, name };
  });

export function createValue(ctx: LedgerContext, who: Principal, input: NewValue, key: string): Idempotent<ValueItem> {
  requireAdmin(who, 'add values');
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'value', input }, () => {
      countWrite(ctx, who);
      return insertValue(ctx, who.personId, input.name);
    }),
  );
}

/** Renames, retires or restores a value; asking for what already is records nothing. */
export function updateValue(ctx: LedgerContext, who: Principal, id: string, input: UpdateValue): ValueItem {
  requireAdmin(who, 'change values');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const current = rows(ctx).find((r) => r.id === id);
    if (!current) throw notFound('Value');
    if (input.name !== undefined && input.name !== current.name) {
      requireFreeName(ctx, input.name, id);
      record(ctx, 'value.renamed', who.personId, id, { name: input.name, from: current.name });
    } else if (input.retired === true && current.retired_at === null) {
      record(ctx, 'value.retired', who.personId, id, { name: current.name });
    } else if (input.retired === false && current.retired_at !== null) {
      requireRoom(ctx, 'retired');
      record(ctx, 'value.restored', who.personId, id, { name: current.name, position: nextPosition(ctx) });
    }
    return toItem(rows(ctx).find((r) => r.id === id) as ValueRow);
  });
}

/** Puts the active values in the order given: every active id, once each. */
export function reorderValues(ctx: LedgerContext, who: Principal, input: ValueOrder): { values: ValueItem[] } {
  requireAdmin(who, 'reorder values');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const active = activeValues(ctx).map((v) => v.id);
    input.ids.forEach((id, i) => {
      if (!active.includes(id)) {
        throw new LedgerError('validation_failed', 'Only active values can be ordered', {
          [`ids.${i}`]: 'Not an active value',
        });
      }
    });
    if (input.ids.length !== active.length) {
      throw new LedgerError('validation_failed', 'List every active value once', { ids: 'List every active value' });
    }
    if (input.ids.some((id, i) => id !== active[i])) {
      record(ctx, 'values.reordered', who.personId, null, { ids: input.ids });
    }
    return { values: activeValues(ctx).map((v) => ({ ...v, retired: false })) };
  });
}

const page = 5_000;

/** Empties the values and replays their events from the log, in one transaction. */
export function rebuildValues(ctx: LedgerContext): void {
  ctx.sql.transaction(() => {
    ctx.sql.run('DELETE FROM company_values');
    for (let after = 0; ; ) {
      const found = ctx.sql.all<EventRow>(
        'SELECT seq, type, subject_id, data, at FROM events WHERE seq > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?',
        after,
        jsonList([...valueEvents]),
        page,
      );
      for (const e of found) applyValueEvent(ctx, e.type as ValueEvent, e.subject_id, JSON.parse(e.data), e.at);
      if (found.length < page) return;
      after = found[found.length - 1].seq;
    }
  });
}

/** Every value row, for the test that a replay reproduces them. */
export const valuesSnapshot = (ctx: LedgerContext) =>
  ctx.sql.all('SELECT id, name, position, retired_at FROM company_values ORDER BY id');
