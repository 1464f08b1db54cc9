import { limits } from '../../shared/limits.ts';
import type { CompanyValue } from '../../shared/people.ts';
import { type Field, field } from './field.ts';
import { h } from './h.ts';

/** The Thank fields: message, the company's values as toggle chips, and private visibility. */
export function thankFields(values: CompanyValue[], onChange: () => void) {
  const chosen = new Set<string>();
  const message = h('textarea', { id: 'thank-message', rows: 4, maxlength: limits.thankMessage, required: true });
  const privateBox = h('input', { id: 'thank-private', type: 'checkbox' });
  const valuesError = h('p', { class: 'field-error', id: 'thank-values-error', hidden: true });
  const buttons = values.map((v) =>
    h(
      'button',
      {
        type: 'button',
        class: 'toggle-chip',
        'aria-pressed': 'false',
        'data-value-id': v.id,
        onclick: (e: MouseEvent) => toggle(v.id, e.currentTarget as HTMLButtonElement),
      },
      v.name,
    ),
  );
  const fields: Record<string, Field> = { message: field('Message', message) };

  function toggle(id: string, button: HTMLButtonElement) {
    if (chosen.has(id)) chosen.delete(id);
    else if (chosen.size < limits.valuesPerThank) chosen.add(id);
    button.setAttribute('aria-pressed', String(chosen.has(id)));
    onChange();
  }

  return {
    el: h(
      'div',
      { class: 'mode-fields', id: 'thank-fields', hidden: true },
      fields.message.el,
      values.length
        ? h(
            'fieldset',
            { class: 'values', 'aria-describedby': valuesError.id },
            h('legend', null, `Values (up to ${limits.valuesPerThank})`),
            h('div', { class: 'chip-row' }, buttons),
            valuesError,
          )
        : null,
      h(
        'div',
        { class: 'check' },
        privateBox,
        h('label', { for: 'thank-private' }, 'Private (only the recipients see it)'),
      ),
    ),
    fields,
    /** The form's values, as the shared createThankSchema expects them (minus `to`). */
    read: () => ({
      message: message.value,
      values: [...chosen],
      visibility: privateBox.checked ? ('private' as const) : ('public' as const),
    }),
    setValuesError(text: string | null) {
      valuesError.textContent = text ?? '';
      valuesError.hidden = !text;
    },
    reset() {
      message.value = '';
      privateBox.checked = false;
      chosen.clear();
      for (const b of buttons) b.setAttribute('aria-pressed', 'false');
    },
  };
}
