import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { roleSchema } from '../../../shared/people.ts';
import { CheckboxGroup } from '../../ui/checkbox-group.tsx';
import { Field } from '../../ui/field.tsx';
import type { DepartmentItem, NewPersonInput, PersonItem } from '../../utils/api.ts';
import { AdminForm } from './admin-form.tsx';
import { roleLabel } from './roles.ts';

const keys = ['name', 'email', 'title', 'role', 'departmentIds'] as const;

interface PersonFormProps {
  /** Editing keeps the email (the sign-in identity); adding asks for it. */
  person?: PersonItem;
  departments: DepartmentItem[];
  heading: string;
  submitLabel: string;
  submit(values: NewPersonInput): Promise<void>;
  cancel(): void;
}

/** Add or edit a person: name, email (new people only), title, role, departments. Opens on the name. */
export function PersonForm({ person, departments, heading, submitLabel, submit, cancel }: PersonFormProps) {
  const p = useId();
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState('');
  const [title, setTitle] = useState(person?.title ?? '');
  const [role, setRole] = useState<PersonItem['role']>(person?.role ?? 'member');
  const [departmentIds, setDepartmentIds] = useState<string[]>(person?.departmentIds ?? []);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  return (
    <AdminForm
      prefix={p}
      heading={heading}
      submitLabel={submitLabel}
      failure={person ? i18n.t('settings.common.saveFailed') : i18n.t('settings.personForm.addFailed')}
      keys={keys}
      values={() => ({ name, email: person ? person.email : email, title, role, departmentIds })}
      submit={submit}
      cancel={cancel}
    >
      {(errors) => (
        <>
          {person ? <p class="hint">{i18n.t('settings.personForm.emailFixed', [person.email])}</p> : null}
          <div class="form-grid">
            <Field label={i18n.t('settings.personForm.name')} error={errors.name}>
              <input
                ref={first}
                id={`${p}-name`}
                type="text"
                required
                maxLength={100}
                value={name}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </Field>
            {person ? null : (
              <Field label={i18n.t('settings.personForm.email')} error={errors.email}>
                <input
                  id={`${p}-email`}
                  type="email"
                  required
                  maxLength={200}
                  autocomplete="off"
                  value={email}
                  onInput={(e) => setEmail(e.currentTarget.value)}
                />
              </Field>
            )}
            <Field label={i18n.t('settings.personForm.titleOptional')} error={errors.title}>
              <input
                id={`${p}-title`}
                type="text"
                maxLength={100}
                value={title}
                onInput={(e) => setTitle(e.currentTarget.value)}
              />
            </Field>
            <Field label={i18n.t('settings.personForm.role')} error={errors.role}>
              <select
                id={`${p}-role`}
                value={role}
                onChange={(e) => setRole(e.currentTarget.value as PersonItem['role'])}
              >
                {roleSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <CheckboxGroup
            legend={i18n.t('settings.personForm.departments')}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            checked={departmentIds}
            onChange={setDepartmentIds}
            error={errors.departmentIds}
            empty={i18n.t('settings.personForm.noDepartments')}
          />
        </>
      )}
    </AdminForm>
  );
}
