import '../ui/toggle-group.css';
import type { IconNode } from 'lucide';
import { h } from './h.ts';
import { icon } from './icon.ts';

export interface ToggleOption<K extends string> {
  key: K;
  label: string;
  icon?: IconNode;
  id?: string;
}

export interface ToggleGroup<K extends string> {
  el: HTMLElement;
  selected(): K;
  select(key: K): void;
  /** A count beside the label; 0 hides it. Decorative: the view itself says how many. */
  setCount(key: K, count: number): void;
  setHidden(key: K, hidden: boolean): void;
  button(key: K): HTMLButtonElement;
}

/**
 * A row of plain buttons where one is pressed (aria-pressed): the side panel's views and the inbox's
 * lists. Plain buttons keep Tab order simple and their names exact ("Inbox", "For me").
 */
export function toggleGroup<K extends string>(
  tag: 'nav' | 'div',
  label: string,
  className: string,
  options: ToggleOption<K>[],
  initial: K,
  onSelect: (key: K) => void,
): ToggleGroup<K> {
  let current = initial;
  const counts = new Map<K, HTMLElement>();
  const buttons = new Map<K, HTMLButtonElement>();
  for (const o of options) {
    const count = h('span', { class: 'toggle-count', 'aria-hidden': 'true', hidden: true });
    counts.set(o.key, count);
    buttons.set(
      o.key,
      h(
        'button',
        {
          type: 'button',
          id: o.id,
          'aria-pressed': String(o.key === current),
          onclick: () => {
            select(o.key);
            onSelect(o.key);
          },
        },
        o.icon ? icon(o.icon) : null,
        h('span', null, o.label),
        count,
      ),
    );
  }

  function select(key: K) {
    current = key;
    for (const [k, b] of buttons) b.setAttribute('aria-pressed', String(k === key));
  }

  return {
    el: h(tag, { class: className, 'aria-label': label, role: tag === 'div' ? 'group' : null }, [...buttons.values()]),
    selected: () => current,
    select,
    setCount(key, n) {
      const c = counts.get(key)!;
      c.textContent = n > 99 ? '99+' : String(n);
      c.hidden = n === 0;
    },
    setHidden(key, hidden) {
      buttons.get(key)!.hidden = hidden;
    },
    button: (key) => buttons.get(key)!,
  };
}
