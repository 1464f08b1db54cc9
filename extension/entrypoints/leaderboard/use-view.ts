import { useLayoutEffect, useState } from 'preact/hooks';
import type { Api } from '../../utils/api.ts';
import type { Filters } from './filters.ts';

/** What the page tells a view's loads: a failure to show, and whether one is running (aria-busy). */
export interface ViewEvents {
  failed(e: unknown): void;
  busy(loading: boolean): void;
}

export interface ViewProps extends ViewEvents {
  client: Api;
  filters: Filters;
}

/**
 * A view's data for the current filters: loaded again whenever `key` changes; an answer that arrives
 * after a newer request started is dropped, so a slow response never overwrites a fresh one.
 */
export function useView<T>(load: () => Promise<T>, key: string, on: ViewEvents) {
  const [data, setData] = useState<T | null>(null);
  // A layout effect: the page is marked busy in the same turn as the change, never a frame later
  // (a reader of aria-busy would otherwise see "false" with the old table).
  useLayoutEffect(() => {
    let current = true;
    on.busy(true);
    load()
      .then((d) => current && setData(d))
      .catch((e: unknown) => current && on.failed(e))
      .finally(() => current && on.busy(false));
    return () => {
      current = false;
    };
  }, [key]);
  return data;
}
