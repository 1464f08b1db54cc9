import { Lock } from 'lucide';
import type { Thank } from '../../shared/thanks.ts';
import { time } from './ask-item.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';

/** A thank-you received: message, who from, when, its values and whether it is private. */
export function thankItem(thank: Thank, valueNames: Map<string, string>): HTMLLIElement {
  const values = thank.values.map((id) => h('span', { class: 'pill pill-value' }, valueNames.get(id) ?? id));
  return h(
    'li',
    { class: 'item' },
    h('p', { class: 'item-title item-message' }, thank.message),
    h(
      'p',
      { class: 'item-meta' },
      h('span', null, `from ${thank.from.name}`),
      thank.to.some((t) => t.kind === 'department') ? ` to ${thank.to.map((t) => t.name).join(', ')}` : null,
      ' · ',
      time(thank.createdAt),
    ),
    values.length || thank.visibility === 'private'
      ? h(
          'div',
          { class: 'chip-row' },
          values,
          thank.visibility === 'private' ? h('span', { class: 'pill pill-private' }, icon(Lock, 12), 'Private') : null,
        )
      : null,
  );
}
