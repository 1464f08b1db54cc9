import type { Field } from './field.ts';
import { h, uid } from './h.ts';

/** A fieldset of checkboxes under a legend (departments, weekdays), with its own error line. */
export function checkboxGroup(
  legend: string,
  options: { value: string; label: string; title?: string }[],
  checked: readonly string[],
  empty = 'Nothing to choose from yet.',
): Field & { values(): string[] } {
  const id = uid('group');
  const boxes = options.map((o) => {
    const boxId = uid('check');
    const box = h('input', { type: 'checkbox', id: boxId, value: o.value, checked: checked.includes(o.value) });
    return { box, el: h('div', { class: 'check' }, box, h('label', { for: boxId, title: o.title }, o.label)) };
  });
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const el = h(
    'fieldset',
    { class: 'checks', id },
    h('legend', null, legend),
    boxes.length
      ? h(
          'div',
          { class: 'check-grid' },
          boxes.map((b) => b.el),
        )
      : h('p', { class: 'hint' }, empty),
    error,
  );
  return {
    el,
    values: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value),
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) el.setAttribute('aria-describedby', error.id);
      else el.removeAttribute('aria-describedby');
    },
  };
}
