import type { StoredItem } from './stored-item.ts';

type EarlyReads = Map<string, { read: Promise<unknown>; changed: boolean; unwatch(): void }>;
/**
 * Reads started as the panel opens, with a change seen since then, by key. On the page's global: the panel's
 * first script (entrypoints/sidepanel-start.ts) starts them and its modules, bundled apart, take them up.
 */
const page = globalThis as { tandemEarlyReads?: EarlyReads };
page.tandemEarlyReads ??= new Map();
const early = page.tandemEarlyReads;

/**
 * Starts reading `items` now, while the panel's modules load, rather than after the views that need them
 * have rendered (one storage round trip less before the inbox, or a shortcut's composer).
 */
export function readEarly(...items: StoredItem<unknown>[]): void {
  for (const item of items) {
    const entry = { read: item.getValue(), changed: false, unwatch: () => {} };
    // A change after this read began makes it stale: the first reader then reads again.
    entry.unwatch = item.watch(() => (entry.changed = true));
    entry.read.catch(() => {});
    early.set(item.key, entry);
  }
}

/** The item's value: from the early read when it is still current, once; read anew otherwise. */
export function firstRead<T>(item: StoredItem<T>): Promise<T> {
  const value = peekEarly(item);
  early.get(item.key)?.unwatch();
  early.delete(item.key);
  return value;
}

/** The item's value, from the early read when it is still current, without taking it from the first reader. */
export function peekEarly<T>(item: StoredItem<T>): Promise<T> {
  const entry = early.get(item.key);
  return entry && !entry.changed ? (entry.read as Promise<T>) : item.getValue();
}
