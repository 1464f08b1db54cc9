import { useEffect, useId, useRef, useState } from 'preact/hooks';
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
      failure={d ? 'Could not save' : 'Could not add the department'}
      keys={d ? serviceKeys : ['name', ...serviceKeys]}
      values={values}
      submit={submit}
      cancel={cancel}
    >
      {(errors) => (
        <>
          {d ? null : (
            <Field label="Name" error={errors.name}>
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
          <Field label="Offers" error={errors.offers} hint="One per line, up to 12: what people can ask for.">
            <textarea ref={offersInput} id={`${p}-offers`} rows={3} value={offers} onInput={text(setOffers)} />
          </Field>
          <fieldset class="group">
            <legend>Service standard</legend>
            <div class="form-grid">
              <Field label="First response within (business hours)" error={errors['standard.firstResponseHours']}>
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
              <Field label="Resolved within (business hours)" error={errors['standard.resolutionHours']}>
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
            <legend>Business hours</legend>
            <div class="form-grid form-grid-3">
              <Field label="Time zone" error={errors['hours.timeZone']}>
                <input
                  id={`${p}-zone`}
                  type="text"
                  list={`${p}-zones`}
                  spellcheck={false}
                  value={zone}
                  onInput={text(setZone)}
                />
              </Field>
              <Field label="Opens" error={errors['hours.start']}>
                <input id={`${p}-start`} type="time" required value={start} onInput={text(setStart)} />
              </Field>
              <Field label="Closes" error={errors['hours.end']}>
                <input id={`${p}-end`} type="time" required value={end} onInput={text(setEnd)} />
              </Field>
            </div>
            <datalist id={`${p}-zones`}>
              {commonTimeZones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <CheckboxGroup
              legend="Days"
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
