import {
  type BusinessHours,
  type CompanyValue,
  type Department,
  type DirectoryEntry,
  type DirectoryQuery,
  defaultBusinessHours,
  type Person,
  type RecipientRef,
  type Role,
  type UpdateDepartment,
} from '../../shared/people.ts';
import type { LedgerContext, Principal } from './context.ts';
import { LedgerError, notFound } from './errors.ts';
import { appendEvent } from './events.ts';

interface PersonRow {
  id: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  active: number;
  department_ids: string | null;
}

interface DepartmentRow {
  id: string;
  name: string;
  offers: string;
  first_response_hours: number;
  resolution_hours: number;
  hours: string;
  member_count: number;
}

const personColumns = `p.id, p.name, p.email, p.title, p.role, p.active,
  (SELECT group_concat(department_id) FROM memberships m WHERE m.person_id = p.id) AS department_ids`;
const departmentColumns = `d.id, d.name, d.offers, d.first_response_hours, d.resolution_hours, d.hours,
  (SELECT COUNT(*) FROM memberships m WHERE m.department_id = d.id) AS member_count`;

const toPerson = (r: PersonRow): Person => ({
  id: r.id,
  name: r.name,
  email: r.email,
  title: r.title,
  role: r.role,
  active: r.active === 1,
  departmentIds: r.department_ids ? r.department_ids.split(',') : [],
});

const toDepartment = (r: DepartmentRow): Department => ({
  id: r.id,
  name: r.name,
  offers: JSON.parse(r.offers),
  standard: { firstResponseHours: r.first_response_hours, resolutionHours: r.resolution_hours },
  hours: JSON.parse(r.hours),
  memberCount: r.member_count,
});

export function getDepartment(ctx: LedgerContext, id: string): Department | undefined {
  const row = ctx.sql.one<DepartmentRow>(`SELECT ${departmentColumns} FROM departments d WHERE d.id = ?`, id);
  return row && toDepartment(row);
}

export function listDepartments(ctx: LedgerContext): Department[] {
  return ctx.sql.all<DepartmentRow>(`SELECT ${departmentColumns} FROM departments d ORDER BY d.name`).map(toDepartment);
}

/** Changes a department's catalogue, service standard or business hours; admins only. */
export function updateDepartment(ctx: LedgerContext, who: Principal, id: string, input: UpdateDepartment): Department {
  if (who.role !== 'admin') throw new LedgerError('forbidden', 'Only admins change departments');
  return ctx.sql.transaction(() => {
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

/** Whether a person belongs to a department. */
export function isMember(ctx: LedgerContext, personId: string, departmentId: string): boolean {
  return !!ctx.sql.one(
    'SELECT 1 AS x FROM memberships WHERE person_id = ? AND department_id = ?',
    personId,
    departmentId,
  );
}

export function getPerson(ctx: LedgerContext, id: string): Person | undefined {
  const row = ctx.sql.one<PersonRow>(`SELECT ${personColumns} FROM people p WHERE p.id = ?`, id);
  return row && toPerson(row);
}

export function departmentsOf(ctx: LedgerContext, personId: string): Department[] {
  return ctx.sql
    .all<DepartmentRow>(
      `SELECT ${departmentColumns} FROM departments d JOIN memberships mm ON mm.department_id = d.id
       WHERE mm.person_id = ? ORDER BY d.name`,
      personId,
    )
    .map(toDepartment);
}

export function listValues(ctx: LedgerContext): CompanyValue[] {
  return ctx.sql.all<CompanyValue>('SELECT id, name FROM company_values ORDER BY name');
}

/** The display name of a recipient, or undefined when it does not exist (or is inactive). */
export function recipientName(ctx: LedgerContext, ref: RecipientRef): string | undefined {
  const row =
    ref.kind === 'person'
      ? ctx.sql.one<{ name: string }>('SELECT name FROM people WHERE id = ? AND active = 1', ref.id)
      : ctx.sql.one<{ name: string }>('SELECT name FROM departments WHERE id = ?', ref.id);
  return row?.name;
}

export function requireRecipient(ctx: LedgerContext, ref: RecipientRef, field: string): string {
  const name = recipientName(ctx, ref);
  if (name === undefined) {
    throw new LedgerError('unknown_recipient', `No such ${ref.kind} in this organisation`, {
      [field]: `Unknown ${ref.kind}`,
    });
  }
  return name;
}

/** Search as you type: matches the start of any word of a name, people and departments together. */
export function searchDirectory(ctx: LedgerContext, query: DirectoryQuery): DirectoryEntry[] {
  const q = query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const prefix = `${q}%`;
  const word = `% ${q}%`;
  const departments = ctx.sql
    .all<{ id: string; name: string; offers: string }>(
      `SELECT id, name, offers FROM departments
       WHERE name_key LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?`,
      prefix,
      word,
      query.limit,
    )
    .map(
      (d): DirectoryEntry => ({
        kind: 'department',
        id: d.id,
        name: d.name,
        detail: (JSON.parse(d.offers) as string[]).join(' · '),
      }),
    );
  const people = ctx.sql
    .all<{ id: string; name: string; title: string }>(
      `SELECT id, name, title FROM people
       WHERE active = 1 AND (name_key LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\') ORDER BY name LIMIT ?`,
      prefix,
      word,
      query.limit,
    )
    .map((p): DirectoryEntry => ({ kind: 'person', id: p.id, name: p.name, detail: p.title }));
  return [...departments, ...people].slice(0, query.limit);
}

export interface NewDepartment {
  name: string;
  offers: string[];
  firstResponseHours: number;
  resolutionHours: number;
  hours?: BusinessHours;
}

export function addDepartment(ctx: LedgerContext, input: NewDepartment): Department {
  return ctx.sql.transaction(() => {
    const id = ctx.newId('d');
    const at = ctx.now().toISOString();
    const hours = input.hours ?? defaultBusinessHours;
    ctx.sql.run(
      `INSERT INTO departments (id, name, offers, first_response_hours, resolution_hours, hours, name_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      input.name,
      JSON.stringify(input.offers),
      input.firstResponseHours,
      input.resolutionHours,
      JSON.stringify(hours),
      input.name.toLowerCase(),
      at,
    );
    appendEvent(ctx, 'department.added', null, id, { name: input.name }, at);
    const standard = { firstResponseHours: input.firstResponseHours, resolutionHours: input.resolutionHours };
    return { id, name: input.name, offers: input.offers, standard, hours, memberCount: 0 };
  });
}

export interface NewPerson {
  name: string;
  email: string;
  title: string;
  role: Role;
  departmentIds: string[];
}

export function addPerson(ctx: LedgerContext, input: NewPerson): Person {
  return ctx.sql.transaction(() => {
    const id = ctx.newId('p');
    const at = ctx.now().toISOString();
    ctx.sql.run(
      `INSERT INTO people (id, name, email, title, role, active, name_key, created_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      id,
      input.name,
      input.email.toLowerCase(),
      input.title,
      input.role,
      input.name.toLowerCase(),
      at,
    );
    for (const departmentId of input.departmentIds) {
      if (!ctx.sql.one('SELECT 1 AS x FROM departments WHERE id = ?', departmentId)) throw notFound('Department');
      ctx.sql.run('INSERT INTO memberships (person_id, department_id) VALUES (?, ?)', id, departmentId);
    }
    appendEvent(ctx, 'person.added', null, id, { name: input.name, role: input.role }, at);
    return { id, ...input, email: input.email.toLowerCase(), active: true };
  });
}

export function addValue(ctx: LedgerContext, name: string): CompanyValue {
  const id = ctx.newId('v');
  ctx.sql.run('INSERT INTO company_values (id, name) VALUES (?, ?)', id, name);
  return { id, name };
}
