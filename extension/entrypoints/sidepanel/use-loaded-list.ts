import { useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { reason } from '../../ui/notices.tsx';
import { useLatest } from '../../ui/use-latest.ts';
import { ApiProblem } from '../../utils/api.ts';
import type { ListHandle } from './inbox.tsx';
import { initialListState, type ListState } from './list-notices.tsx';

const offline = (cause: unknown) => cause instanceof ApiProblem && cause.code === 'network';

/**
 * A list the panel loads from the server (the inbox, the queue): its data, what the view says about
 * it, and `refresh`. Without a network, a list that shows something keeps it, marked with when it was
 * seen, rather than an error. The returned functions stay the same for the component's life.
 */
export function useLoadedList<T>(load: () => Promise<T>, what: 'inbox' | 'queue', failed: (e: unknown) => void) {
  const [data, setData] = useState<T | null>(null);
  const [state, setState] = useState<ListState>(initialListState);
  const seenAt = useRef<Date | null>(null);
  const latest = useLatest({ load, failed });
  const controls = useMemo(() => {
    const handle: ListHandle = {};
    const set = (patch: Partial<ListState>) => setState((s) => ({ ...s, ...patch }));
    return {
      handle,
      /** True once the list has loaded; false when this refresh failed. */
      async refresh(): Promise<boolean> {
        set({ loading: true });
        try {
          const next = await latest.current.load();
          seenAt.current = new Date();
          setData(next);
          set({ loading: false, error: null, offlineSeenAt: null });
          return true;
        } catch (e) {
          latest.current.failed(e);
          if (seenAt.current && offline(e)) set({ loading: false, error: null, offlineSeenAt: seenAt.current });
          else set({ loading: false, error: i18n.t(`panel.lists.couldNotLoad.${what}`, [reason(e)]) });
          return false;
        }
      },
      /** Whether anything was loaded yet (the poller refreshes only lists someone opened). */
      loaded: () => seenAt.current !== null,
      announce: (notice: string) => set({ notice }),
      /** Puts focus back on an ask's row; false when it is not in the visible list. */
      focusAsk: (id: string) => handle.focusAsk?.(id) ?? false,
    };
  }, [what]);
  return { data, state, ...controls };
}
