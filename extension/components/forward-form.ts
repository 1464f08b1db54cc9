import { Forward } from 'lucide';
import { limits } from '../../shared/limits.ts';
import type { Department } from '../../shared/people.ts';
import { field } from './field.ts';
import { h, replace, uid } from './h.ts';
import { icon } from './icon.ts';

/** Send the ask on to another department, with a note for them. */
export function forwardForm(
  departments: () => Promise<Department[]>,
  onForward: (departmentId: string, name: string, note: string) => Promise<void>,
) {
  const id = uid('forward');
  let current: string | null = null;
  const select = h('select', { id: `${id}-to` }, h('option', { value: '' }, 'Choose a department'));
  const note = h('input', { id: `${id}-note`, type: 'text', maxlength: limits.reply, autocomplete: 'off' });
  const to = field('Forward to', select);
  const button = h('button', { type: 'submit' }, icon(Forward), h('span', null, 'Forward'));
  const form = h(
    'form',
    { class: 'forward', novalidate: true },
    h('div', { class: 'forward-row' }, to.el, button),
    field('Note for them (optional)', note).el,
  );

  async function fill() {
    const list = await departments();
    const keep = select.value;
    replace(
      select,
      h('option', { value: '' }, 'Choose a department'),
      list.filter((d) => d.id !== current).map((d) => h('option', { value: d.id }, d.name)),
    );
    select.value = list.some((d) => d.id === keep && d.id !== current) ? keep : '';
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!select.value) {
      to.setError('Choose where to forward it');
      return select.focus();
    }
    to.setError(null);
    const name = select.selectedOptions[0]?.textContent ?? '';
    button.disabled = true;
    onForward(select.value, name, note.value.trim())
      .then(() => {
        note.value = '';
        select.value = '';
      })
      .catch(() => {}) // the detail shows what went wrong
      .finally(() => {
        button.disabled = false;
      });
  });
  select.addEventListener('change', () => to.setError(null));

  return {
    el: form,
    /** The department the ask is with now: it is left out of the choices. */
    setCurrent(departmentId: string | null) {
      if (departmentId === current && select.options.length > 1) return;
      current = departmentId;
      fill().catch((e: unknown) => to.setError(`Could not load departments: ${e instanceof Error ? e.message : e}`));
    },
  };
}
