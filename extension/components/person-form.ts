import { roleSchema } from '../../shared/people.ts';
import type { DepartmentItem, NewPersonInput, PersonItem } from '../utils/api.ts';
import { adminForm } from './admin-form.ts';
import { checkboxGroup } from './checkbox-group.ts';
import { type Field, field } from './field.ts';
import { h, uid } from './h.ts';

export const roleLabel: Record<PersonItem['role'], string> = { member: 'Member', manager: 'Manager', admin: 'Admin' };

export interface PersonFormOptions {
  /** Editing keeps the email (the sign-in identity); adding asks for it. */
  person?: PersonItem;
  departments: DepartmentItem[];
  submitLabel: string;
  heading: string;
  submit(values: NewPersonInput): Promise<void>;
  cancel(): void;
}

/** Add or edit a person: name, email (new people only), title, role, departments. */
export function personForm(o: PersonFormOptions) {
  const p = uid('person');
  const name = h('input', { id: `${p}-name`, type: 'text', required: true, maxlength: 100, value: o.person?.name });
  const email = h('input', { id: `${p}-email`, type: 'email', required: true, maxlength: 200, autocomplete: 'off' });
  const title = h('input', { id: `${p}-title`, type: 'text', maxlength: 100, value: o.person?.title });
  const role = h(
    'select',
    { id: `${p}-role` },
    roleSchema.options.map((r) =>
      h('option', { value: r, selected: r === (o.person?.role ?? 'member') }, roleLabel[r]),
    ),
  );
  const departments = checkboxGroup(
    'Departments',
    o.departments.map((d) => ({ value: d.id, label: d.name })),
    o.person?.departmentIds ?? [],
    'No departments yet: add them under Departments.',
  );
  const fields: Record<string, Field> = {
    name: field('Name', name),
    ...(o.person ? {} : { email: field('Email', email) }),
    title: field('Title (optional)', title),
    role: field('Role', role),
    departmentIds: departments,
  };
  const form = adminForm(
    {
      prefix: p,
      heading: o.heading,
      submitLabel: o.submitLabel,
      fields,
      failure: o.person ? 'Could not save' : 'Could not add the person',
      values: () => ({
        name: name.value,
        email: o.person ? o.person.email : email.value,
        title: title.value,
        role: role.value as PersonItem['role'],
        departmentIds: departments.values(),
      }),
      submit: o.submit,
      cancel: o.cancel,
    },
    o.person
      ? h('p', { class: 'hint' }, `Email: ${o.person.email} (it identifies the person and cannot change)`)
      : null,
    h('div', { class: 'form-grid' }, fields.name.el, fields.email?.el, fields.title.el, fields.role.el),
    departments.el,
  );

  return { el: form, focus: () => name.focus() };
}
