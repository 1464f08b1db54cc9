import { useEffect } from 'preact/hooks';
import { useLatest } from '../../ui/use-latest.ts';
import type { Api, AskDetailResult } from '../../utils/api.ts';
import { type PanelIntent, panelIntentItem } from '../../utils/storage.ts';

interface PanelIntentHandlers {
  /** A notification about an ask was clicked: show it (its rating first with `rate`). */
  ask(detail: AskDetailResult, rate: boolean): void;
  /** A notification for several items, or one without an ask (a thank-you): the inbox. */
  inbox(): void;
  failed(e: unknown): void;
}

/** Where the rating card of the shown ask appears: focused (and in view) for "Rate and thank". */
export function focusRating(tries = 20): void {
  const title = document.querySelector<HTMLElement>('.rate-card .rate-title');
  if (title) {
    title.focus();
    title.scrollIntoView({ block: 'start' });
  } else if (tries > 0) setTimeout(() => focusRating(tries - 1), 100);
}

/**
 * Applies what a notification click asked the panel to show, once, then clears it (reopening the panel later
 * does not jump back to it); one stored before the panel opened applies when it does.
 */
export function usePanelIntent(client: Api, on: PanelIntentHandlers): void {
  const latest = useLatest(on);
  useEffect(() => {
    const apply = (intent: PanelIntent | null) => {
      if (!intent) return;
      panelIntentItem
        .setValue(null)
        .catch((e: unknown) => console.warn('[tandem] [sidepanel] could not clear the panel intent', e));
      const { askId } = intent;
      if (!askId) return latest.current.inbox();
      client
        .ask(askId)
        .then((detail) => latest.current.ask(detail, intent.rate === true))
        .catch((e: unknown) => latest.current.failed(e));
    };
    panelIntentItem
      .getValue()
      .then(apply)
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] panel intent unavailable', e));
    return panelIntentItem.watch(apply);
  }, [client]);
}
