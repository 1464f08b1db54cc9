import type { IconNode } from 'lucide';
import { h } from './h.ts';
import { icon } from './icon.ts';

export interface NavItem<K extends string> {
  key: K;
  label: string;
  icon: IconNode;
}

/**
 * The settings page's left navigation: plain buttons (Tab, Enter, Space), the current one marked with
 * aria-current; Up/Down arrows and Home/End move between them too.
 */
export function settingsNav<K extends string>(
  groups: { label: string; items: NavItem<K>[] }[],
  initial: K,
  onSelect: (key: K) => void,
) {
  const buttons = new Map<K, HTMLButtonElement>();
  const select = (key: K) => {
    for (const [k, b] of buttons) {
      if (k === key) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
    }
  };
  const el = h(
    'nav',
    { class: 'settings-nav', 'aria-label': 'Settings sections', onkeydown: (e: KeyboardEvent) => move(e) },
    groups.map((group, i) =>
      h(
        'div',
        { class: 'nav-group' },
        h('p', { class: 'nav-group-label', id: `nav-group-${i}` }, group.label),
        h(
          'ul',
          { 'aria-labelledby': `nav-group-${i}` },
          group.items.map((item) => {
            const button = h(
              'button',
              {
                type: 'button',
                id: `nav-${item.key}`,
                onclick: () => {
                  select(item.key);
                  onSelect(item.key);
                },
              },
              icon(item.icon),
              h('span', null, item.label),
            );
            buttons.set(item.key, button);
            return h('li', null, button);
          }),
        ),
      ),
    ),
  );

  function move(e: KeyboardEvent) {
    const list = [...buttons.values()].filter((b) => !b.closest('[hidden]'));
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const to =
      e.key === 'ArrowDown'
        ? (at + 1) % list.length
        : e.key === 'ArrowUp'
          ? (at - 1 + list.length) % list.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? list.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    list[to].focus();
  }

  select(initial);
  return { el, select };
}
