import type { StoredItem } from './stored-item.ts';

/** Reads started as the panel's script runs, with a change seen since then, by key. */
const early = new Map<string, { read: Promise<unknown>; changed: boolean; unwatch(): void }>();

/**
 * Starts reading `items` now, beside the session's read, rather than after the views that need them
 * have rendered (one storage round trip less before the inbox as last seen, or a shortcut's composer).
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
