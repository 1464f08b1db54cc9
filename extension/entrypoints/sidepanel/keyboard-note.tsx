import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';

/**
 * Chrome gives a panel that was already open no keyboard focus (w3c/webextensions#693): after a quick
 * capture the caret shows in To while keys still go to the page. `check()` says so until the panel
 * has the keyboard.
 */
export function useKeyboardNote() {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!shown) return;
    const gotIt = () => setShown(false);
    window.addEventListener('focus', gotIt, { once: true });
    return () => window.removeEventListener('focus', gotIt);
  }, [shown]);
  return { shown, check: () => setShown(!document.hasFocus()) };
}

export function KeyboardNote({ shown }: { shown: boolean }) {
  return (
    <p class="keyboard-note" id="keyboard-note" role="status" hidden={!shown}>
      {i18n.t('panel.compose.keyboardNote')}
    </p>
  );
}
