import type { Api, DirectoryItem } from './api.ts';
import { directoryCacheItem } from './storage.ts';

const MAX_ENTRIES = 500;
const key = (e: DirectoryItem) => `${e.kind}:${e.id}`;

/** The picker's rule: the query matches the start of any word of the name. */
export function matches(entry: DirectoryItem, q: string): boolean {
  const query = q.trim().toLowerCase();
  if (!query) return true;
  return (
    entry.name
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(query)) || entry.name.toLowerCase().startsWith(query)
  );
}

async function remember(account: string, entries: DirectoryItem[]): Promise<void> {
  const cache = await directoryCacheItem.getValue();
  const known = cache?.account === account ? cache.entries : [];
  const merged = new Map<string, DirectoryItem>();
  for (const e of [...entries, ...known]) if (!merged.has(key(e))) merged.set(key(e), e);
  await directoryCacheItem.setValue({ account, entries: [...merged.values()].slice(0, MAX_ENTRIES) });
}

/**
 * The recipient picker's search: the server when it answers, and what it answered before when it does
 * not, so asks and thanks can be composed (into the outbox) while the server is unreachable.
 */
export function directorySearch(client: Api, account: string) {
  return async (q: string): Promise<DirectoryItem[]> => {
    try {
      const { entries } = await client.directory(q);
      void remember(account, entries).catch(() => {});
      return entries;
    } catch (error) {
      if ((error as { code?: string }).code !== 'network') throw error;
      const cache = await directoryCacheItem.getValue();
      const entries = cache?.account === account ? cache.entries : [];
      return entries.filter((e) => matches(e, q)).slice(0, 12);
    }
  };
}

/** Fills the cache with the first page of the directory when the composer opens (fire and forget). */
export function warmDirectory(client: Api, account: string): void {
  client
    .directory('', 50)
    .then(({ entries }) => remember(account, entries))
    .catch(() => {});
}
