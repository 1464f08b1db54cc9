import type { NewDepartment, NewPerson, UpdatePerson } from '../../shared/admin.ts';
import { type Department, defaultBusinessHours, type Person, type UpdateDepartment } from '../../shared/people.ts';
import type { LedgerContext, Principal } from './context.ts';
import { getDepartment, getPerson } from './directory.ts';
import { LedgerError, notFound } from './errors.ts';
import { appendEvent } from './events.ts';
import { type Idempotent, once } from './idempotency.ts';
import { countWrite } from './limits.ts';

/*
 * The organisation's people and departments, as admins change them. The insert* functions write inside
 * the caller's transaction; the exported commands are one transaction each and admin-only.
 */

export function requireAdmin(who: Principal, what: string): void {
  if (who.role !== 'admin') throw new LedgerError('forbidden', `Only admins ${what}`);
}

export function insertDepartment(ctx: LedgerContext, actorId: string | null, input: NewDepartment): Department {
  if (ctx.sql.one('SELECT 1 AS x FROM departments WHERE name_key = ?', input.name.toLowerCase())) {
    throw new LedgerError('conflict', `There is a department called ${input.name} already`, { name: 'Already exists' });
  }
  const id = ctx.newId('d');
  const at = ctx.now().toISOString();
  const hours = input.hours ?? defaultBusinessHours;
  ctx.sql.run(
    `INSERT INTO departments (id, name, offers, first_response_hours, resolution_hours, hours, name_key, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    input.name,
    JSON.stringify(input.offers),
    input.standard.firstResponseHours,
    input.standard.resolutionHours,
    JSON.stringify(hours),
    input.name.toLowerCase(),
    at,
  );
  appendEvent(ctx, 'department.added', actorId, id, { name: input.name }, at);
  return { id, name: input.name, offers: input.offers, standard: input.standard, hours, memberCount: 0 };
}

export function setMemberships(ctx: LedgerContext, personId: string, departmentIds: string[]): void {
  ctx.sql.run('DELETE FROM memberships WHERE person_id = ?', personId);
  for (const [i, departmentId] of departmentIds.entries()) {
    if (!getDepartment(ctx, departmentId)) {
      throw new LedgerError('validation_failed', 'Unknown department', {
        [`departmentIds.${i}`]: 'Unknown department',
      });
    }
    ctx.sql.run('INSERT OR IGNORE INTO memberships (person_id, department_id) VALUES (?, ?)', personId, departmentId);
  }
}

export function insertPerson(ctx: LedgerContext, actorId: string | null, input: NewPerson): Person {
  const email = input.email.toLowerCase();
  if (ctx.sql.one('SELECT 1 AS x FROM people WHERE email = ?', email)) {
    throw new LedgerError('conflict', 'Someone has this email already', { email: 'Already in use' });
  }
  const id = ctx.newId('p');
  const at = ctx.now().toISOString();
  ctx.sql.run(
    `INSERT INTO people (id, name, email, title, role, active, name_key, created_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    id,
    input.name,
    email,
    input.title,
    input.role,
    input.name.toLowerCase(),
    at,
  );
  setMemberships(ctx, id, input.departmentIds);
  appendEvent(ctx, 'person.added', actorId, id, { name: input.name, role: input.role }, at);
  return getPerson(ctx, id) as Person;
}

/** Seeding and setup (no actor): one transaction each. */
export const addDepartment = (ctx: LedgerContext, input: NewDepartment) =>
  ctx.sql.transaction(() => insertDepartment(ctx, null, input));
export const addPerson = (ctx: LedgerContext, input: NewPerson) =>
  ctx.sql.transaction(() => insertPerson(ctx, null, input));

export function createDepartment(
  ctx: LedgerContext,
  who: Principal,
  input: NewDepartment,
  key: string,
): Idempotent<Department> {
  requireAdmin(who, 'create departments');
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'department', input }, () => {
      countWrite(ctx, who);
      return insertDepartment(ctx, who.personId, input);
    }),
  );
}

export function createPerson(ctx: LedgerContext, who: Principal, input: NewPerson, key: string): Idempotent<Person> {
  requireAdmin(who, 'add people');
  return ctx.sql.transaction(() =>
    once(ctx, who.personId, key, { op: 'person', input }, () => {
      countWrite(ctx, who);
      return insertPerson(ctx, who.personId, input);
    }),
  );
}

/** Changes a department's catalogue, service standard or business hours. */
export function updateDepartment(ctx: LedgerContext, who: Principal, id: string, input: UpdateDepartment): Department {
  requireAdmin(who, 'change departments');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const current = getDepartment(ctx, id);
    if (!current) throw notFound('Department');
    const next = {
      offers: input.offers ?? current.offers,
      standard: input.standard ?? current.standard,
      hours: input.hours ?? current.hours,
    };
    ctx.sql.run(
      'UPDATE departments SET offers = ?, first_response_hours = ?, resolution_hours = ?, hours = ? WHERE id = ?',
      JSON.stringify(next.offers),
      next.standard.firstResponseHours,
      next.standard.resolutionHours,
      JSON.stringify(next.hours),
      id,
    );
    appendEvent(ctx, 'department.updated', who.personId, id, input, ctx.now().toISOString());
    return { ...current, ...next };
  });
}

/** Edits a person; `active: false` deactivates them and revokes every token of theirs at once. */
export function updatePerson(ctx: LedgerContext, who: Principal, id: string, input: UpdatePerson): Person {
  requireAdmin(who, 'change people');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const current = getPerson(ctx, id);
    if (!current) throw notFound('Person');
    if (id === who.personId && (input.active === false || (input.role && input.role !== 'admin'))) {
      throw new LedgerError('conflict', 'You cannot deactivate or demote yourself: ask another admin');
    }
    const next = { ...current, ...input };
    const at = ctx.now().toISOString();
    ctx.sql.run(
      'UPDATE people SET name = ?, name_key = ?, title = ?, role = ?, active = ? WHERE id = ?',
      next.name,
      next.name.toLowerCase(),
      next.title,
      next.role,
      next.active ? 1 : 0,
      id,
    );
    if (input.departmentIds) setMemberships(ctx, id, input.departmentIds);
    if (input.active === false)
      ctx.sql.run('UPDATE tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL', at, id);
    appendEvent(ctx, 'person.updated', who.personId, id, input, at);
    return getPerson(ctx, id) as Person;
  });
}

export function listPeople(
  ctx: LedgerContext,
  who: Principal,
  q: string,
  includeInactive: boolean,
  limit: number,
): Person[] {
  requireAdmin(who, 'list people');
  const rows = ctx.sql.all<{ id: string }>(
    `SELECT id FROM people WHERE (name_key LIKE ? OR email LIKE ?) AND (? OR active = 1) ORDER BY name LIMIT ?`,
    `%${q.toLowerCase()}%`,
    `%${q.toLowerCase()}%`,
    includeInactive ? 1 : 0,
    limit,
  );
  return rows.map((r) => getPerson(ctx, r.id) as Person);
}

/** An invitation: a one-time sign-in code for an active person. The HTTP layer makes the code. */
export function invite(
  ctx: LedgerContext,
  who: Principal,
  personId: string,
  codeHash: string,
  expiresAt: string,
): Person {
  requireAdmin(who, 'invite people');
  return ctx.sql.transaction(() => {
    countWrite(ctx, who);
    const person = getPerson(ctx, personId);
    if (!person) throw notFound('Person');
    if (!person.active) throw new LedgerError('conflict', 'Reactivate this person before inviting them');
    ctx.sql.run(
      'INSERT INTO sign_in_codes (code_hash, person_id, reusable, expires_at) VALUES (?, ?, 0, ?)',
      codeHash,
      personId,
      expiresAt,
    );
    appendEvent(ctx, 'invitation.issued', who.personId, personId, { expiresAt }, ctx.now().toISOString());
    return person;
  });
}

/**
 * Cloudflare Access sign-in: the person with this email, or (for an allowed email domain) a new member
 * created on their first visit. Inactive people and unknown emails of other domains get null.
 */
export function personByEmail(
  ctx: LedgerContext,
  orgId: string,
  identity: { email: string; name: string },
  provision: boolean,
): Principal | null {
  return ctx.sql.transaction(() => {
    const found = ctx.sql.one<{ id: string; role: Principal['role']; active: number }>(
      'SELECT id, role, active FROM people WHERE email = ?',
      identity.email.toLowerCase(),
    );
    if (found) return found.active ? { orgId, personId: found.id, role: found.role } : null;
    if (!provision) return null;
    const person = insertPerson(ctx, null, {
      name: identity.name.slice(0, 100),
      email: identity.email,
      title: '',
      role: 'member',
      departmentIds: [],
    });
    return { orgId, personId: person.id, role: person.role };
  });
}
