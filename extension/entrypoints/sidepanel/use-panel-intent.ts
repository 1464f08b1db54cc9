import { useEffect } from 'preact/hooks';
import { useLatest } from '../../ui/use-latest.ts';
import type { Api, AskDetailResult } from '../../utils/api.ts';
import { firstRead } from '../../utils/early-read.ts';
import { type PanelIntent, panelIntentItem } from '../../utils/storage.ts';

interface PanelIntentHandlers {
  /** A notification about an ask was clicked: show it (its rating first with `rate`). */
  ask(detail: AskDetailResult, rate: boolean): void;
  /** A notification for several items, or one without an ask (a thank-you): the inbox. */
  inbox(): void;
  failed(e: unknown): void;
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
      void panelIntentItem.setValue(null);
      if (!intent.askId) return latest.current.inbox();
      client.ask(intent.askId).then(
        (detail) => latest.current.ask(detail, intent.rate === true),
        (e: unknown) => latest.current.failed(e),
      );
    };
    void firstRead(panelIntentItem).then(apply);
    return panelIntentItem.watch(apply);
  }, [client]);
}
