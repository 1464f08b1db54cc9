import { useLayoutEffect, useState } from 'preact/hooks';
import { firstRead } from '../utils/early-read.ts';
import type { StoredItem } from '../utils/stored-item.ts';

/** A stored item's value, kept current as it changes; undefined until it has been read. */
export function useStored<T>(item: StoredItem<T>, where: string): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // Read at once, not after the first paint (useEffect waits for a frame): the page needs it to show anything.
  // The side panel began the read before its modules loaded (entrypoints/sidepanel-start.ts).
  useLayoutEffect(() => {
    firstRead(item)
      .then(setValue)
      .catch((e: unknown) => console.error(`[tandem] [${where}] could not read ${item.key}`, e));
    return item.watch((next) => setValue(next));
  }, [item, where]);
  return value;
}
