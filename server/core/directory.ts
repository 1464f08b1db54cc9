import type { Department, DirectoryEntry, DirectoryQuery, Person, RecipientRef, Role } from '../../shared/people.ts';
import type { LedgerContext } from './context.ts';
import { LedgerError } from './errors.ts';

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

/** Whether a person belongs to a department. */
export function isMember(ctx: LedgerContext, personId: string, departmentId: string): boolean {
  return !!ctx.sql.one(
    'SELECT 1 AS x FROM memberships WHERE person_id = ? AND department_id = ?',
    personId,
    departmentId,
  );
}

/**
 * The department a person is counted in on the managers' page (hand-off map, reach): the first of
 * theirs by name, or '' for none. Recorded in events, so later moves do not rewrite history.
 */
export function primaryDepartment(ctx: LedgerContext, personId: string): string {
  return (
    ctx.sql.one<{ id: string }>(
      `SELECT m.department_id AS id FROM memberships m JOIN departments d ON d.id = m.department_id
       WHERE m.person_id = ? ORDER BY d.name LIMIT 1`,
      personId,
    )?.id ?? ''
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
