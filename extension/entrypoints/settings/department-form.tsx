import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { defaultBusinessHours } from '../../../shared/people.ts';
import { CheckboxGroup } from '../../ui/checkbox-group.tsx';
import { Field } from '../../ui/field.tsx';
import type { DepartmentItem, NewDepartmentInput } from '../../utils/api.ts';
import { commonTimeZones, weekdays } from '../../utils/business-hours.ts';
import { AdminForm } from './admin-form.tsx';

interface DepartmentFormProps {
  /** Editing changes the service (offers, standard, hours); the name is set when adding. */
  department?: DepartmentItem;
  heading: string;
  submitLabel: string;
  submit(values: NewDepartmentInput): Promise<void>;
  cancel(): void;
}

const serviceKeys = [
  'offers',
  'standard.firstResponseHours',
  'standard.resolutionHours',
  'hours.timeZone',
  'hours.days',
  'hours.start',
  'hours.end',
] as const;
const dayOptions = weekdays.map((w) => ({ value: String(w.day), label: w.short, title: w.long }));
/** An emptied number box sends NaN (null in JSON), as `valueAsNumber` would: the server names the field. */
const hoursOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** A department's name (when adding), catalogue, service standard and business hours. */
export function DepartmentForm({ department: d, heading, submitLabel, submit, cancel }: DepartmentFormProps) {
  const p = `department-${useId()}`;
  const hours = d?.hours ?? defaultBusinessHours;
  const [name, setName] = useState('');
  const [offers, setOffers] = useState((d?.offers ?? []).join('\n'));
  const [first, setFirst] = useState(String(d?.standard.firstResponseHours ?? 8));
  const [resolution, setResolution] = useState(String(d?.standard.resolutionHours ?? 40));
  const [zone, setZone] = useState(hours.timeZone);
  const [start, setStart] = useState(hours.start);
  const [end, setEnd] = useState(hours.end);
  const [days, setDays] = useState(hours.days.map(String));
  const nameInput = useRef<HTMLInputElement>(null);
  const offersInput = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    (d ? offersInput : nameInput).current?.focus();
  }, [d]);

  const values = (): NewDepartmentInput => ({
    name: d ? d.name : name,
    offers: offers
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    standard: { firstResponseHours: hoursOf(first), resolutionHours: hoursOf(resolution) },
    hours: { timeZone: zone.trim(), days: days.map(Number), start, end },
  });
  const text = (set: (v: string) => void) => (e: { currentTarget: { value: string } }) => set(e.currentTarget.value);

  return (
    <AdminForm
      prefix={p}
      heading={heading}
      submitLabel={submitLabel}
      failure={d ? i18n.t('settings.common.saveFailed') : i18n.t('settings.departmentForm.addFailed')}
      keys={d ? serviceKeys : ['name', ...serviceKeys]}
      values={values}
      submit={submit}
      cancel={cancel}
    >
      {(errors) => (
        <>
          {d ? null : (
            <Field label={i18n.t('settings.departmentForm.name')} error={errors.name}>
              <input
                ref={nameInput}
                id={`${p}-name`}
                type="text"
                required
                maxLength={100}
                value={name}
                onInput={text(setName)}
              />
            </Field>
          )}
          <Field
            label={i18n.t('settings.departmentForm.offers')}
            error={errors.offers}
            hint={i18n.t('settings.departmentForm.offersHint')}
          >
            <textarea ref={offersInput} id={`${p}-offers`} rows={3} value={offers} onInput={text(setOffers)} />
          </Field>
          <fieldset class="group">
            <legend>{i18n.t('settings.departmentForm.standard')}</legend>
            <div class="form-grid">
              <Field
                label={i18n.t('settings.departmentForm.firstResponse')}
                error={errors['standard.firstResponseHours']}
              >
                <input
                  id={`${p}-first`}
                  type="number"
                  min={1}
                  max={2000}
                  step={1}
                  value={first}
                  onInput={text(setFirst)}
                />
              </Field>
              <Field label={i18n.t('settings.departmentForm.resolution')} error={errors['standard.resolutionHours']}>
                <input
                  id={`${p}-resolution`}
                  type="number"
                  min={1}
                  max={10000}
                  step={1}
                  value={resolution}
                  onInput={text(setResolution)}
                />
              </Field>
            </div>
          </fieldset>
          <fieldset class="group">
            <legend>{i18n.t('settings.departmentForm.businessHours')}</legend>
            <div class="form-grid form-grid-3">
              <Field label={i18n.t('settings.departmentForm.timeZone')} error={errors['hours.timeZone']}>
                <input
                  id={`${p}-zone`}
                  type="text"
                  list={`${p}-zones`}
                  spellcheck={false}
                  value={zone}
                  onInput={text(setZone)}
                />
              </Field>
              <Field label={i18n.t('settings.departmentForm.opens')} error={errors['hours.start']}>
                <input id={`${p}-start`} type="time" required value={start} onInput={text(setStart)} />
              </Field>
              <Field label={i18n.t('settings.departmentForm.closes')} error={errors['hours.end']}>
                <input id={`${p}-end`} type="time" required value={end} onInput={text(setEnd)} />
              </Field>
            </div>
            <datalist id={`${p}-zones`}>
              {commonTimeZones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <CheckboxGroup
              legend={i18n.t('settings.departmentForm.days')}
              options={dayOptions}
              checked={days}
              onChange={setDays}
              error={errors['hours.days']}
            />
          </fieldset>
        </>
      )}
    </AdminForm>
  );
}
