import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { PageContext } from '../../../shared/asks.ts';
import { useLatest } from '../../ui/use-latest.ts';
import { firstRead, peekEarly } from '../../utils/early-read.ts';
import { mark } from '../../utils/marks.ts';
import { type ComposeIntent, composeIntentItem, pageContextItem } from '../../utils/storage.ts';

interface QuickCapture {
  /** The page (and selection) the background captured, for the composer to attach. */
  page(context: PageContext | null): void;
  /** A shortcut or context-menu click asked for the composer in a mode. */
  compose(mode: ComposeIntent['mode']): void;
}

/**
 * Hands the background's captures to the composer. An intent applies once and is then cleared, so
 * reopening the panel later does not jump to the composer again; one stored while signed out applies
 * after sign-in.
 */
export function useQuickCapture(on: QuickCapture): void {
  const latest = useLatest(on);
  // At once, not after the first paint: the shortcut's composer is what the person is waiting for.
  useLayoutEffect(() => {
    const page = (context: PageContext | null) => latest.current.page(context);
    const apply = (intent: ComposeIntent | null) => {
      if (!intent) return;
      latest.current.compose(intent.mode);
      mark('composer-ready');
      composeIntentItem
        .setValue(null)
        .catch((e: unknown) => console.warn('[tandem] [sidepanel] could not clear the compose intent', e));
    };
    firstRead(pageContextItem)
      .then(page)
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] page context unavailable', e));
    firstRead(composeIntentItem)
      .then(apply)
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] compose intent unavailable', e));
    const unwatchPage = pageContextItem.watch(page);
    const unwatchIntent = composeIntentItem.watch(apply);
    return () => {
      unwatchPage();
      unwatchIntent();
    };
  }, []);
}

/**
 * Whether the panel opens for a shortcut's composer (its intent is usually stored before the panel's script
 * runs): undefined until known. The panel then starts on the composer, not on the inbox it would leave at once.
 * `opened` says the signed-in views have started: a later sign-in in the same panel starts on the inbox.
 */
export function useOpensComposing(): [composing: boolean | undefined, opened: () => void] {
  const [composing, setComposing] = useState<boolean | undefined>(undefined);
  useLayoutEffect(() => {
    peekEarly(composeIntentItem).then(
      (intent) => setComposing(intent !== null),
      () => setComposing(false),
    );
  }, []);
  return [composing, useCallback(() => setComposing(false), [])];
}
