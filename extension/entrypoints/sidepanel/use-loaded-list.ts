import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { reason } from '../../ui/notices.tsx';
import { useLatest } from '../../ui/use-latest.ts';
import { ApiProblem } from '../../utils/api.ts';
import { firstRead } from '../../utils/early-read.ts';
import { reuseUnchanged } from '../../utils/reuse-unchanged.ts';
import { whenIdle } from '../../utils/schedule.ts';
import type { SeenList } from '../../utils/storage.ts';
import type { StoredItem } from '../../utils/stored-item.ts';
import type { ListHandle } from './inbox.tsx';
import { initialListState, type ListState } from './list-notices.tsx';

/** How long a list waits for the server before it shows what it last saw (the blink of a reload, no longer). */
const freshWithinMs = 150;

const offline = (cause: unknown) => cause instanceof ApiProblem && cause.code === 'network';

/** Where a list keeps what it last showed, for whom (`serverUrl person-id`). */
export interface ListMemory<T> {
  item: StoredItem<SeenList<T> | null>;
  account: string;
  /** The remembered list has been painted (before the server answered). */
  shown?: () => void;
}

/**
 * A list the panel loads from the server (the inbox, the queue): its data, what the view says about
 * it, and `refresh`. Without a network, a list that shows something keeps it, marked with when it was
 * seen, rather than an error. With a memory, the first refresh shows the list as last seen at once
 * (marked as such until the server answers) and every answer is remembered. The returned functions stay
 * the same for the component's life.
 */
export function useLoadedList<T>(
  load: () => Promise<T>,
  what: 'inbox' | 'queue',
  failed: (e: unknown) => void,
  memory?: ListMemory<T>,
) {
  const [data, setData] = useState<T | null>(null);
  const [state, setState] = useState<ListState>(initialListState);
  const seenAt = useRef<Date | null>(null);
  const latest = useLatest({ load, failed, memory });
  /** False once the views are gone (signed out): nothing is remembered after that. */
  const live = useRef(true);
  useEffect(
    () => () => {
      live.current = false;
    },
    [],
  );
  const controls = useMemo(() => {
    const handle: ListHandle = {};
    const set = (patch: Partial<ListState>) => setState((s) => ({ ...s, ...patch }));
    let answered = false;
    /** The list as last seen, unless the server answers within moments: then no frame shows a list it replaces. */
    const recall = async (answer: Promise<unknown>) => {
      const m = latest.current.memory;
      const seen = m ? await firstRead(m.item).catch(() => null) : null;
      // Painted at the first frame instead, the remembered list held up the answer's parsing and paint (a reopened
      // panel's inbox was ready 16–110 ms later in alternated runs): the answer, asked for as the panel opened, comes
      // moments after.
      if (seen) await Promise.race([answer.catch(() => {}), new Promise((wait) => setTimeout(wait, freshWithinMs))]);
      if (answered || seenAt.current || !seen || seen.account !== m?.account) return;
      seenAt.current = new Date(seen.seenAt);
      setData(seen.data);
      set({ earlierSeenAt: seenAt.current });
      m.shown?.();
    };
    const remember = (next: T) => {
      const m = latest.current.memory;
      if (!live.current) return;
      m?.item
        .setValue({ account: m.account, seenAt: Date.now(), data: next })
        .catch((e: unknown) => console.warn(`[tandem] [sidepanel] could not remember the ${what}`, e));
    };
    return {
      handle,
      /** True once the list has loaded; false when this refresh failed. */
      async refresh(): Promise<boolean> {
        set({ loading: true });
        const loading = latest.current.load();
        const recalled = seenAt.current ? null : recall(loading);
        try {
          const next = await loading;
          answered = true;
          seenAt.current = new Date();
          // Rows that did not change keep their objects: the list re-renders only what changed.
          setData((prev) => reuseUnchanged(prev, next));
          set({ loading: false, error: null, offlineSeenAt: null, earlierSeenAt: null });
          // Stored when the page is idle: writing 200 asks costs it 5–18 ms it has better uses for as it opens.
          whenIdle(() => remember(next), 2000);
          return true;
        } catch (e) {
          latest.current.failed(e);
          // Offline at once: what was remembered still shows, marked offline.
          if (offline(e)) await recalled;
          else answered = true;
          if (seenAt.current && offline(e))
            set({ loading: false, error: null, offlineSeenAt: seenAt.current, earlierSeenAt: null });
          else
            set({
              loading: false,
              error: i18n.t(`panel.lists.couldNotLoad.${what}`, [reason(e)]),
              earlierSeenAt: null,
            });
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
