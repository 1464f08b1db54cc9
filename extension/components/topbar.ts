import { LogOut, Settings, Trophy } from 'lucide';
import { browser } from 'wxt/browser';
import type { Me } from '../../shared/session.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';

/** Who is signed in, where; the leaderboard for managers; settings; sign out. */
export function topbar(me: Me, signOut: () => void): HTMLElement {
  const manager = me.person.role === 'manager' || me.person.role === 'admin';
  return h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'who' },
      h('p', { class: 'who-name', id: 'me-name' }, me.person.name),
      h('p', { class: 'who-org', id: 'me-org' }, me.org.name),
    ),
    manager
      ? h(
          'button',
          {
            type: 'button',
            id: 'open-leaderboard',
            class: 'ghost',
            onclick: () => void browser.tabs.create({ url: browser.runtime.getURL('/leaderboard.html') }),
          },
          icon(Trophy),
          h('span', null, 'Leaderboard'),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        id: 'open-settings',
        class: 'icon-button',
        'aria-label': 'Settings',
        title: 'Settings',
        onclick: () => void browser.tabs.create({ url: browser.runtime.getURL('/settings.html') }),
      },
      icon(Settings),
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'sign-out',
        class: 'icon-button',
        'aria-label': 'Sign out',
        title: 'Sign out',
        onclick: signOut,
      },
      icon(LogOut),
    ),
  );
}
