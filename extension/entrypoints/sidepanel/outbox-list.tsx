import { CircleAlert, Clock, RotateCw, Send, Trash2 } from 'lucide';
import { Icon } from '../../ui/icon.tsx';
import type { OutboxItem } from '../../utils/storage.ts';

interface OutboxListProps {
  items: OutboxItem[];
  retry(item: OutboxItem): void;
  discard(item: OutboxItem): void;
}

/**
 * The Outbox at the top of the Inbox: sends the server has not taken yet (waiting) or refused (the
 * person decides: retry or discard). Absent when empty, which is nearly always.
 */
export function OutboxList({ items, retry, discard }: OutboxListProps) {
  if (!items.length) return null;
  return (
    <section class="outbox" id="outbox" aria-labelledby="outbox-heading">
      <h3 class="section-title" id="outbox-heading">
        <Icon node={Send} size={14} />
        <span>Outbox</span>
        <span class="count">{items.length}</span>
      </h3>
      <ul class="items">
        {items.map((item) => {
          const failed = item.state === 'failed';
          return (
            <li key={item.id} class={failed ? 'item outbox-item failed' : 'item outbox-item'}>
              <p class="outbox-what">
                <strong>{item.request.kind === 'ask' ? `Ask to ${item.to}` : `Thanks to ${item.to}`}</strong>
                {item.snippet ? `: ${item.snippet}` : ''}
              </p>
              <p class="outbox-state">
                <Icon node={failed ? CircleAlert : Clock} size={14} />
                <span>{failed ? `Refused: ${item.error ?? 'the server did not accept it'}` : 'Waiting to send'}</span>
              </p>
              <div class="outbox-actions">
                <button type="button" class="ghost" aria-label={`Retry ${item.snippet}`} onClick={() => retry(item)}>
                  <Icon node={RotateCw} size={14} />
                  <span>Retry</span>
                </button>
                <button
                  type="button"
                  class="ghost"
                  aria-label={`Discard ${item.snippet}`}
                  onClick={() => discard(item)}
                >
                  <Icon node={Trash2} size={14} />
                  <span>Discard</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
