import { Keyboard } from 'lucide';
import { browser } from 'wxt/browser';
import { h } from './h.ts';
import { icon } from './icon.ts';

/**
 * The quick-capture shortcuts as the browser has them now (people change them, and a default that
 * clashes is left unset), with the way to change them: Chrome has a page for it; Firefox's is only
 * reachable by hand from about:addons, which extensions may not open.
 */
export function shortcutsHint(): HTMLElement {
  const text = h('span', { id: 'shortcuts-text' });
  const firefoxHow = h(
    'span',
    { id: 'shortcuts-how', hidden: true },
    'Open about:addons, choose the gear menu, then Manage Extension Shortcuts.',
  );
  const change = h(
    'a',
    {
      href: 'chrome://extensions/shortcuts',
      id: 'change-shortcuts',
      onclick: (e: Event) => {
        // Extension pages cannot navigate to browser pages; Chrome lets us open it as a tab.
        e.preventDefault();
        if (import.meta.env.FIREFOX) firefoxHow.hidden = false;
        else
          browser.tabs
            .create({ url: 'chrome://extensions/shortcuts' })
            .catch((err: unknown) => console.warn('[tandem] [composer] cannot open the shortcuts page', err));
      },
    },
    'Change shortcuts',
  );
  const el = h(
    'p',
    { class: 'hint shortcuts', id: 'shortcuts-hint' },
    icon(Keyboard, 14),
    text,
    ' ',
    change,
    ' ',
    firefoxHow,
  );
  const names: Record<string, string> = { 'quick-ask': 'Quick ask', 'quick-thank': 'Quick thank' };
  Promise.resolve()
    .then(() => browser.commands.getAll())
    .then((commands) => {
      const parts = commands
        .filter((c) => c.name && names[c.name])
        .map((c) => `${names[c.name!]}: ${c.shortcut || 'not set'}`);
      text.textContent = parts.length ? `${parts.join(' · ')}.` : '';
    })
    .catch(() => {
      // No commands API (or none defined): keep only the link.
    });
  return el;
}
