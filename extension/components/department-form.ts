import { defaultBusinessHours } from '../../shared/people.ts';
import type { DepartmentItem, NewDepartmentInput } from '../utils/api.ts';
import { commonTimeZones, weekdays } from '../utils/business-hours.ts';
import { adminForm } from './admin-form.ts';
import { checkboxGroup } from './checkbox-group.ts';
import { type Field, field } from './field.ts';
import { h, uid } from './h.ts';

export interface DepartmentFormOptions {
  /** Editing changes the service (offers, standard, hours); the name is set when adding. */
  department?: DepartmentItem;
  heading: string;
  submitLabel: string;
  submit(values: NewDepartmentInput): Promise<void>;
  cancel(): void;
}

const zonesListId = 'time-zones';
/** The datalist of common time zones, once per page. */
function zonesList() {
  if (!document.getElementById(zonesListId)) {
    document.body.append(
      h(
        'datalist',
        { id: zonesListId },
        commonTimeZones.map((z) => h('option', { value: z })),
      ),
    );
  }
}

/** A department's name (when adding), catalogue, service standard and business hours. */
export function departmentForm(o: DepartmentFormOptions) {
  zonesList();
  const d = o.department;
  const hours = d?.hours ?? defaultBusinessHours;
  const p = uid('department');
  const input = (suffix: string, props: Record<string, string | number | boolean | undefined>) =>
    h('input', { id: `${p}-${suffix}`, ...props });
  const name = input('name', { type: 'text', required: true, maxlength: 100 });
  const offers = h('textarea', { id: `${p}-offers`, rows: 3, 'aria-describedby': `${p}-offers-hint` });
  offers.value = (d?.offers ?? []).join('\n');
  const first = input('first', {
    type: 'number',
    min: 1,
    max: 2000,
    step: 1,
    value: d?.standard.firstResponseHours ?? 8,
  });
  const resolution = input('resolution', {
    type: 'number',
    min: 1,
    max: 10000,
    step: 1,
    value: d?.standard.resolutionHours ?? 40,
  });
  const zone = input('zone', { type: 'text', list: zonesListId, value: hours.timeZone, spellcheck: false });
  const start = input('start', { type: 'time', value: hours.start, required: true });
  const end = input('end', { type: 'time', value: hours.end, required: true });
  const days = checkboxGroup(
    'Days',
    weekdays.map((w) => ({ value: String(w.day), label: w.short, title: w.long })),
    hours.days.map(String),
  );
  const fields: Record<string, Field> = {
    ...(d ? {} : { name: field('Name', name) }),
    offers: field(
      'Offers',
      offers,
      h('p', { class: 'hint', id: `${p}-offers-hint` }, 'One per line, up to 12: what people can ask for.'),
    ),
    'standard.firstResponseHours': field('First response within (business hours)', first),
    'standard.resolutionHours': field('Resolved within (business hours)', resolution),
    'hours.timeZone': field('Time zone', zone),
    'hours.days': days,
    'hours.start': field('Opens', start),
    'hours.end': field('Closes', end),
  };
  const form = adminForm(
    {
      prefix: p,
      heading: o.heading,
      submitLabel: o.submitLabel,
      fields,
      failure: d ? 'Could not save' : 'Could not add the department',
      values: () => ({
        name: d ? d.name : name.value,
        offers: offers.value
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        standard: { firstResponseHours: first.valueAsNumber, resolutionHours: resolution.valueAsNumber },
        hours: { timeZone: zone.value.trim(), days: days.values().map(Number), start: start.value, end: end.value },
      }),
      submit: o.submit,
      cancel: o.cancel,
    },
    fields.name?.el,
    fields.offers.el,
    h(
      'fieldset',
      { class: 'group' },
      h('legend', null, 'Service standard'),
      h('div', { class: 'form-grid' }, fields['standard.firstResponseHours'].el, fields['standard.resolutionHours'].el),
    ),
    h(
      'fieldset',
      { class: 'group' },
      h('legend', null, 'Business hours'),
      h(
        'div',
        { class: 'form-grid form-grid-3' },
        fields['hours.timeZone'].el,
        fields['hours.start'].el,
        fields['hours.end'].el,
      ),
      days.el,
    ),
  );

  return { el: form, focus: () => (d ? offers : name).focus() };
}
