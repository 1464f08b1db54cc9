import { type PulseActionItem, type PulseAudience, type PulseSummary, pulseLimits } from '../../shared/pulses.ts';
import type { LedgerContext, Principal } from './context.ts';
import { notFound } from './errors.ts';
import { hmacHex } from './hmac.ts';
import { settings } from './limits.ts';

/*
 * What the pulse commands and queries share: the rows, who is asked, and the one-way markers.
 */

export interface PulseRow {
  id: string;
  series_id: string;
  round: number;
  opened_by: string | null;
  audience: string;
  repeat: 'none' | 'quarterly';
  opens_at: string;
  closes_at: string;
  remind_at: string;
  closed_at: string | null;
}

export interface PulseDepartmentRow {
  pulse_id: string;
  department_id: string;
  name: string;
  audience: number;
  respondents: number;
  /** The answers' counts per scale and value (pulse-tally.ts). */
  tally: string | null;
}

/** The organisation's threshold of respondents: the settings route refuses less than 3; held here too. */
export const pulseThreshold = (ctx: LedgerContext) =>
  Math.max(pulseLimits.minThreshold, settings(ctx).pulses.threshold);

export function pulseRow(ctx: LedgerContext, id: string): PulseRow {
  const row = ctx.sql.one<PulseRow>('SELECT * FROM pulses WHERE id = ?', id);
  if (!row) throw notFound('Pulse');
  return row;
}

/** Closed by hand, or its closing time has come (the sweep records that a little later). */
export const isClosed = (ctx: LedgerContext, p: PulseRow) =>
  p.closed_at !== null || p.closes_at <= ctx.now().toISOString();

export const closedAt = (p: PulseRow) => p.closed_at ?? p.closes_at;

export const departmentsOf = (ctx: LedgerContext, pulseId: string) =>
  ctx.sql.all<PulseDepartmentRow>(
    `SELECT pd.pulse_id, pd.department_id, d.name, pd.audience, pd.respondents, pd.tally
     FROM pulse_departments pd JOIN departments d ON d.id = pd.department_id
     WHERE pd.pulse_id = ? ORDER BY d.name_key`,
    pulseId,
  );

export function summary(ctx: LedgerContext, p: PulseRow): PulseSummary {
  const closed = isClosed(ctx, p);
  return {
    id: p.id,
    departments: departmentsOf(ctx, p.id).map((d) => ({
      id: d.department_id,
      name: d.name,
      audience: d.audience,
      respondents: closed ? d.respondents : null,
    })),
    audience: JSON.parse(p.audience) as PulseAudience,
    repeat: p.repeat,
    opensAt: p.opens_at,
    closesAt: closedAt(p),
    state: closed ? 'closed' : 'open',
    round: p.round,
  };
}

const day = 86_400_000;

/**
 * Whether a person is asked about a department in a pulse: an active person outside the department, and for
 * an `askedWithin` pulse, one who asked it something in the days before the pulse opened.
 */
export function inAudience(ctx: LedgerContext, p: PulseRow, departmentId: string, personId: string): boolean {
  const audience = JSON.parse(p.audience) as PulseAudience;
  const outside = ctx.sql.one(
    `SELECT 1 AS x FROM people p WHERE p.id = ? AND p.active = 1
     AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.department_id = ?)`,
    personId,
    departmentId,
  );
  if (!outside) return false;
  if (audience.kind === 'everyone') return true;
  const from = new Date(Date.parse(p.opens_at) - audience.days * day).toISOString();
  return !!ctx.sql.one(
    `SELECT 1 AS x FROM asks WHERE requester_id = ? AND to_kind = 'department' AND to_id = ?
     AND created_at >= ? AND created_at <= ? LIMIT 1`,
    personId,
    departmentId,
    from,
    p.opens_at,
  );
}

/** How many a department's pulse asks, counted as it opens. */
export function audienceSize(ctx: LedgerContext, audience: PulseAudience, opensAt: string, departmentId: string) {
  const outside = `p.active = 1 AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.department_id = ?)`;
  if (audience.kind === 'everyone') {
    // Everyone active less the department's active members: its members' index, not every person per department.
    return (
      ctx.sql.one<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM people WHERE active = 1) - (SELECT COUNT(*) FROM memberships m
           JOIN people p ON p.id = m.person_id AND p.active = 1 WHERE m.department_id = ?) AS n`,
        departmentId,
      )?.n ?? 0
    );
  }
  const from = new Date(Date.parse(opensAt) - audience.days * day).toISOString();
  return (
    ctx.sql.one<{ n: number }>(
      `SELECT COUNT(*) AS n FROM people p WHERE ${outside} AND p.id IN (
         SELECT requester_id FROM asks WHERE to_kind = 'department' AND to_id = ? AND created_at >= ? AND created_at <= ?)`,
      departmentId,
      departmentId,
      from,
      opensAt,
    )?.n ?? 0
  );
}

// The organisation's secret never changes: read it once per ledger.
const secrets = new WeakMap<LedgerContext['sql'], string>();

/** HMAC under the organisation's secret: one way, and nothing exported lets anyone recompute it. */
export function keyed(ctx: LedgerContext, message: string): string {
  let secret = secrets.get(ctx.sql);
  if (!secret) {
    secret = ctx.sql.one<{ secret: string }>('SELECT secret FROM pulse_secret WHERE id = 1')?.secret;
    if (!secret) throw new Error('[ledger] pulses: no secret (migration missing)');
    secrets.set(ctx.sql, secret);
  }
  return hmacHex(secret, message);
}

/** The marker that this person answered or skipped this department's card in this pulse. */
export const markerOf = (ctx: LedgerContext, pulseId: string, departmentId: string, who: Principal) =>
  keyed(ctx, `marker:${pulseId}:${departmentId}:${who.personId}`);

export interface MarkerRow {
  state: 'answered' | 'skipped' | 'dismissed';
  key_hash: string | null;
  remind_at: string | null;
}

export const markerRow = (ctx: LedgerContext, pulseId: string, marker: string) =>
  ctx.sql.one<MarkerRow>(
    'SELECT state, key_hash, remind_at FROM pulse_markers WHERE pulse_id = ? AND marker = ?',
    pulseId,
    marker,
  );

/** A department's recorded changes after a pulse, with their owners' names. */
export function actionsOf(ctx: LedgerContext, pulseId: string, departmentId: string): PulseActionItem[] {
  return ctx.sql
    .all<{ body: string; owner_id: string; name: string | null; due: string }>(
      `SELECT a.body, a.owner_id, p.name, a.due FROM pulse_actions a LEFT JOIN people p ON p.id = a.owner_id
       WHERE a.pulse_id = ? AND a.department_id = ? ORDER BY a.position`,
      pulseId,
      departmentId,
    )
    .map((a) => ({ text: a.body, owner: { id: a.owner_id, name: a.name ?? '' }, due: a.due }));
}

/** Whether a person is a member of a department. */
export const memberOf = (ctx: LedgerContext, personId: string, departmentId: string) =>
  !!ctx.sql.one('SELECT 1 AS x FROM memberships WHERE person_id = ? AND department_id = ?', personId, departmentId);

/** Who records a department's changes after a pulse: its manager, or an admin. */
export const mayRecordActions = (ctx: LedgerContext, who: Principal, departmentId: string) =>
  who.role === 'admin' || (who.role === 'manager' && memberOf(ctx, who.personId, departmentId));
