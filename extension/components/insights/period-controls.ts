import { firstDay } from '../../../shared/dates.ts';
import type { CompanyValue, Department } from '../../../shared/people.ts';
import { h } from '../h.ts';

export interface Filters {
  period: 'week' | 'month' | 'quarter' | 'year' | 'all' | 'custom';
  from?: string;
  to?: string;
  departmentId?: string;
  valueId?: string;
}

const periods: [Filters['period'] | 'last30', string][] = [
  ['last30', 'Last 30 days'],
  ['week', 'This week'],
  ['month', 'This month'],
  ['quarter', 'This quarter'],
  ['year', 'This year'],
  ['all', 'All time'],
  ['custom', 'Custom range…'],
];

function control(id: string, label: string, input: HTMLElement) {
  return h('div', { class: 'control' }, h('label', { for: id }, label), input);
}

/** Period (with a custom range), department and company value: the filters every view of the page reads. */
export function periodControls(departments: Department[], values: CompanyValue[], onChange: (f: Filters) => void) {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const period = h(
    'select',
    { id: 'period', onchange: () => changed() },
    periods.map(([v, text]) => h('option', { value: v, selected: v === 'last30' }, text)),
  );
  const from = h('input', {
    id: 'from',
    type: 'date',
    value: monthAgo,
    min: firstDay,
    max: today,
    onchange: () => changed(),
  });
  const to = h('input', { id: 'to', type: 'date', value: today, min: firstDay, max: today, onchange: () => changed() });
  const custom = h(
    'div',
    { class: 'custom-range', hidden: true },
    control('from', 'From', from),
    control('to', 'To', to),
  );
  const department = h(
    'select',
    { id: 'department', onchange: () => changed() },
    h('option', { value: '' }, 'All departments'),
    departments.map((d) => h('option', { value: d.id }, d.name)),
  );
  const value = h(
    'select',
    { id: 'value', onchange: () => changed() },
    h('option', { value: '' }, 'All values'),
    values.map((v) => h('option', { value: v.id }, v.name)),
  );
  const valueField = control('value', 'Company value', value);
  const read = (): Filters => {
    // "Last 30 days" is a custom range that moves with today: a fair default on the 1st of a month too.
    const p = period.value === 'last30' ? 'custom' : (period.value as Filters['period']);
    const range = period.value === 'last30' ? { from: monthAgo, to: today } : { from: from.value, to: to.value };
    return {
      period: p,
      ...(p === 'custom' ? range : {}),
      ...(department.value ? { departmentId: department.value } : {}),
      ...(value.value && !valueField.hidden ? { valueId: value.value } : {}),
    };
  };
  function changed() {
    custom.hidden = period.value !== 'custom';
    if (period.value === 'custom' && (!from.value || !to.value)) return;
    onChange(read());
  }
  return {
    el: h(
      'div',
      { class: 'controls', role: 'group', 'aria-label': 'Filters' },
      control('period', 'Period', period),
      custom,
      control('department', 'Department', department),
      valueField,
    ),
    read,
    /** The value filter applies to recognition only. */
    showValues(show: boolean) {
      valueField.hidden = !show;
    },
  };
}
