import { defaultBusinessHours } from '../../shared/people.ts';
import type { DepartmentItem, NewDepartmentInput } from '../utils/api.ts';
import { commonTimeZones, weekdays } from '../utils/business-hours.ts';
import { checkboxGroup } from './checkbox-group.ts';
import { type Field, field } from './field.ts';
import { clearProblems, showProblem } from './form-errors.ts';
import { h, uid } from './h.ts';
import { notices } from './notices.ts';

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
  const say = notices(p);
  const submit = h('button', { type: 'submit', class: 'primary' }, o.submitLabel);
  const headingId = `${p}-heading`;

  const form = h(
    'form',
    {
      class: 'card form',
      novalidate: true,
      'aria-labelledby': headingId,
      onsubmit: (e: SubmitEvent) => {
        e.preventDefault();
        void send();
      },
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') o.cancel();
      },
    },
    h('h3', { id: headingId }, o.heading),
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
    say.el,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => o.cancel() }, 'Cancel'), submit),
  );

  async function send() {
    clearProblems(fields);
    say.clear();
    submit.disabled = true;
    try {
      await o.submit({
        name: d ? d.name : name.value,
        offers: offers.value
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        standard: { firstResponseHours: first.valueAsNumber, resolutionHours: resolution.valueAsNumber },
        hours: { timeZone: zone.value.trim(), days: days.values().map(Number), start: start.value, end: end.value },
      });
    } catch (e) {
      showProblem(fields, e, say, d ? 'Could not save' : 'Could not add the department');
      form.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby] input')?.focus();
    } finally {
      submit.disabled = false;
    }
  }

  return { el: form, focus: () => (d ? offers : name).focus() };
}
