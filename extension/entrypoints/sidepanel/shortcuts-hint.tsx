import { Keyboard } from 'lucide';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

// Each command's line, with its shortcut as $1.
const lines = {
  'quick-ask': 'panel.compose.shortcuts.quickAsk',
  'quick-thank': 'panel.compose.shortcuts.quickThank',
} as const;
const isQuick = (name: string | undefined): name is keyof typeof lines => !!name && name in lines;

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
        const parts = commands.flatMap(({ name, shortcut }) =>
          isQuick(name) ? [i18n.t(lines[name], [shortcut || i18n.t('panel.compose.shortcuts.notSet')])] : [],
        );
        if (live) setText(parts.length ? i18n.t('panel.compose.shortcuts.line', [parts.join(' · ')]) : '');
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
        {i18n.t('panel.compose.shortcuts.change')}
      </a>{' '}
      <span id="shortcuts-how" hidden={!firefoxHow}>
        {i18n.t('panel.compose.shortcuts.firefoxHow')}
      </span>
    </p>
  );
}
