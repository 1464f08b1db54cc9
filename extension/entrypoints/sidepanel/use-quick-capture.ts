import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
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
 * Whether the panel opened for a shortcut's composer (its intent is usually stored before the panel's script
 * runs), so that it starts there rather than on the inbox it would leave at once. Undefined until known; then
 * a function answering true once: only the first signed-in views start on the composer, and a later sign-in in
 * the same panel starts on the inbox. Taken as the views are made, with no render of its own.
 */
export function useOpensComposing(): (() => boolean) | undefined {
  const composing = useRef(false);
  const [known, setKnown] = useState(false);
  useLayoutEffect(() => {
    peekEarly(composeIntentItem)
      .then(
        (intent) => (composing.current = intent !== null),
        () => {},
      )
      .finally(() => setKnown(true));
  }, []);
  const take = useCallback(() => {
    const first = composing.current;
    composing.current = false;
    return first;
  }, []);
  return known ? take : undefined;
}
