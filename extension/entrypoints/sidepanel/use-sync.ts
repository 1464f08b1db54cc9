import { useEffect, useMemo } from 'preact/hooks';
import { useLatest } from '../../ui/use-latest.ts';
import type { Api } from '../../utils/api.ts';
import { syncPoller } from '../../utils/sync-poller.ts';

interface SyncHandlers {
  /** Something changed on the server since the last poll, up to event `seq`. */
  changed(seq: number): void;
  waiting(count: number): void;
  failed(e: unknown): void;
}

/**
 * Asks the server every 15 s, while the panel is open and visible, whether anything changed; at once
 * when the panel becomes visible again. Starts once `started` (after the first view has loaded).
 * Returns `poll`, for a change made here.
 */
export function useSync(client: Api, started: boolean, on: SyncHandlers): () => Promise<void> {
  const latest = useLatest(on);
  const poller = useMemo(
    () =>
      syncPoller({
        sync: (after) => client.sync(after),
        intervalMs: 15_000,
        changed: (seq) => latest.current.changed(seq),
        waiting: (n) => latest.current.waiting(n),
        failed: (e) => latest.current.failed(e),
      }),
    [client],
  );
  useEffect(() => {
    if (!started) return;
    const wake = () => {
      if (document.visibilityState === 'visible') void poller.poll();
    };
    poller.start();
    document.addEventListener('visibilitychange', wake);
    return () => {
      poller.stop();
      document.removeEventListener('visibilitychange', wake);
    };
  }, [poller, started]);
  return poller.poll;
}
