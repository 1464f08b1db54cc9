import { MailPlus, Pencil, UserCheck, UserX } from 'lucide';
import type { PersonItem } from '../utils/api.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';
import { roleLabel } from './person-form.ts';

export interface PeopleActions {
  edit(person: PersonItem, row: HTMLTableRowElement): void;
  setActive(person: PersonItem, active: boolean): void;
  invite(person: PersonItem, row: HTMLTableRowElement): void;
}

export const peopleColumns = 6;

/** An icon button named "Edit Sam Rivera": the row's name tells the actions apart for assistive technology. */
const action = (label: string, name: string, node: Parameters<typeof icon>[0], onclick: () => void, cls?: string) =>
  h(
    'button',
    { type: 'button', class: `icon-button ${cls ?? ''}`, 'aria-label': `${label} ${name}`, title: label, onclick },
    icon(node),
  );

/** The people list: one row per person, their departments by name, and the row's actions. */
export function peopleTable(people: PersonItem[], departmentName: (id: string) => string, a: PeopleActions) {
  const body = h('tbody');
  for (const p of people) {
    const row = h('tr', { class: p.active ? null : 'inactive', 'data-person-id': p.id });
    const departments = p.departmentIds.map(departmentName).join(', ');
    row.append(
      h(
        'th',
        { scope: 'row' },
        h('span', { class: 'person-name' }, p.name),
        h('span', { class: 'person-email' }, p.email),
      ),
      h('td', null, p.title || h('span', { class: 'muted' }, '—')),
      h('td', null, departments || h('span', { class: 'muted' }, 'None')),
      h('td', null, roleLabel[p.role]),
      h(
        'td',
        null,
        h('span', { class: p.active ? 'pill pill-success' : 'pill pill-muted' }, p.active ? 'Active' : 'Inactive'),
      ),
      h(
        'td',
        { class: 'row-actions' },
        action('Edit', p.name, Pencil, () => a.edit(p, row)),
        p.active ? action('Invite', p.name, MailPlus, () => a.invite(p, row)) : null,
        p.active
          ? action('Deactivate', p.name, UserX, () => a.setActive(p, false), 'danger-action')
          : action('Reactivate', p.name, UserCheck, () => a.setActive(p, true)),
      ),
    );
    body.append(row);
  }
  return h(
    'table',
    { id: 'people-table', class: 'data-table' },
    h('caption', { class: 'sr-only' }, 'People'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Name and email', 'Title', 'Departments', 'Role', 'Status'].map((c) => h('th', { scope: 'col' }, c)),
        h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')),
      ),
    ),
    body,
  );
}
