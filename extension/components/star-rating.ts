import { Star } from 'lucide';
import { h, uid } from './h.ts';
import { icon } from './icon.ts';

export interface StarRating {
  el: HTMLElement;
  value(): number | undefined;
  setError(message: string | null): void;
  focus(): void;
}

/**
 * A labelled 1–5 radio group drawn as stars. The radios are real and sit over their stars (transparent),
 * so clicks, arrow keys and assistive technology all reach the native control.
 */
export function starRating(label: string, opts: { required?: boolean; small?: boolean } = {}): StarRating {
  const name = uid('stars');
  const labelId = `${name}-label`;
  const errorId = `${name}-error`;
  const radios = [1, 2, 3, 4, 5].map((n) =>
    h('input', {
      type: 'radio',
      name,
      value: n,
      class: 'star-input',
      'aria-label': n === 1 ? '1 star' : `${n} stars`,
    }),
  );
  const stars = radios.map((radio) => h('span', { class: 'star' }, radio, icon(Star, opts.small ? 18 : 24)));
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const group = h(
    'div',
    {
      role: 'radiogroup',
      class: opts.small ? 'stars stars-small' : 'stars',
      'aria-labelledby': labelId,
      'aria-required': opts.required ? 'true' : null,
    },
    stars,
  );

  const value = () => {
    const checked = radios.find((r) => r.checked);
    return checked ? Number(checked.value) : undefined;
  };
  const paint = () => {
    const v = value() ?? 0;
    for (const [i, star] of stars.entries()) star.classList.toggle('filled', i < v);
  };
  group.addEventListener('change', () => {
    paint();
    setError(null);
  });

  function setError(message: string | null) {
    error.textContent = message ?? '';
    error.hidden = !message;
    if (message) {
      group.setAttribute('aria-invalid', 'true');
      group.setAttribute('aria-describedby', errorId);
    } else {
      group.removeAttribute('aria-invalid');
      group.removeAttribute('aria-describedby');
    }
  }

  return {
    el: h('div', { class: 'star-field' }, h('span', { class: 'star-label', id: labelId }, label), group, error),
    value,
    setError,
    focus: () => (radios.find((r) => r.checked) ?? radios[0]).focus(),
  };
}
