import { useEffect, useState } from 'preact/hooks';
import { useLatest } from '../../ui/use-latest.ts';
import { firstRead } from '../../utils/early-read.ts';
import { send } from '../../utils/messages.ts';
import { itemsFor } from '../../utils/outbox.ts';
import { type OutboxItem, outboxItem } from '../../utils/storage.ts';

/**
 * The account's sends waiting in the outbox. The panel only reads it; the background writes and
 * flushes it (utils/outbox.ts), and the panel asks for a flush when it opens or the network returns.
 * `delivered` runs when items left it: the lists may have changed.
 */
export function useOutbox(account: string, delivered: () => void): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const latest = useLatest(delivered);
  useEffect(() => {
    let count = 0;
    const show = (all: OutboxItem[]) => {
      const mine = itemsFor(all, account);
      if (mine.length < count) latest.current();
      count = mine.length;
      setItems(mine);
    };
    const flush = () => void send({ type: 'outbox-flush' });
    firstRead(outboxItem)
      .then(show)
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] outbox unavailable', e));
    const unwatch = outboxItem.watch(show);
    flush();
    window.addEventListener('online', flush);
    return () => {
      unwatch();
      window.removeEventListener('online', flush);
    };
  }, [account]);
  return items;
}

export const retryItem = (item: OutboxItem) => void send({ type: 'outbox-retry', id: item.id });
export const discardItem = (item: OutboxItem) => void send({ type: 'outbox-discard', id: item.id });
