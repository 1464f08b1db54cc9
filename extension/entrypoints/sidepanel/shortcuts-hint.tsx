import { Keyboard } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Icon } from '../../ui/icon.tsx';

const names: Record<string, string> = { 'quick-ask': 'Quick ask', 'quick-thank': 'Quick thank' };

/**
 * The quick-capture shortcuts as the browser has them now (people change them, and a default that
 * clashes is left unset), with the way to change them: Chrome has a page for it; Firefox's is only
 * reachable by hand from about:addons, which extensions may not open.
 */
export function ShortcutsHint() {
  const [text, setText] = useState('');
  const [firefoxHow, setFirefoxHow] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => {
        const parts = commands
          .filter((c) => c.name && names[c.name])
          .map((c) => `${names[c.name!]}: ${c.shortcut || 'not set'}`);
        if (live) setText(parts.length ? `${parts.join(' · ')}.` : '');
      })
      .catch(() => {
        // No commands API (or none defined): keep only the link.
      });
    return () => {
      live = false;
    };
  }, []);

  return (
    <p class="hint shortcuts" id="shortcuts-hint">
      <Icon node={Keyboard} size={14} />
      <span id="shortcuts-text">{text}</span>{' '}
      <a
        href="chrome://extensions/shortcuts"
        id="change-shortcuts"
        onClick={(e) => {
          // Extension pages cannot navigate to browser pages; Chrome lets us open it as a tab.
          e.preventDefault();
          if (import.meta.env.FIREFOX) setFirefoxHow(true);
          else
            browser.tabs
              .create({ url: 'chrome://extensions/shortcuts' })
              .catch((err: unknown) => console.warn('[tandem] [composer] cannot open the shortcuts page', err));
        }}
      >
        Change shortcuts
      </a>{' '}
      <span id="shortcuts-how" hidden={!firefoxHow}>
        Open about:addons, choose the gear menu, then Manage Extension Shortcuts.
      </span>
    </p>
  );
}
