import { CircleAlert, Clock, RotateCw, Send, Trash2 } from 'lucide';
import { i18n } from '#i18n';
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
        <span>{i18n.t('panel.lists.outbox')}</span>
        <span class="count">{items.length}</span>
      </h3>
      <ul class="items">
        {items.map((item) => {
          const failed = item.state === 'failed';
          return (
            <li key={item.id} class={failed ? 'item outbox-item failed' : 'item outbox-item'}>
              <p class="outbox-what">
                <strong>
                  {item.request.kind === 'ask'
                    ? i18n.t('panel.lists.askTo', [item.to])
                    : i18n.t('panel.lists.thanksTo', [item.to])}
                </strong>
                {item.snippet ? `: ${item.snippet}` : ''}
              </p>
              <p class="outbox-state">
                <Icon node={failed ? CircleAlert : Clock} size={14} />
                <span>
                  {failed
                    ? i18n.t('panel.lists.refused', [item.error ?? i18n.t('panel.lists.notAccepted')])
                    : i18n.t('panel.lists.waitingToSend')}
                </span>
              </p>
              <div class="outbox-actions">
                <button
                  type="button"
                  class="ghost"
                  aria-label={i18n.t('panel.lists.retryItem', [item.snippet])}
                  onClick={() => retry(item)}
                >
                  <Icon node={RotateCw} size={14} />
                  <span>{i18n.t('panel.lists.retry')}</span>
                </button>
                <button
                  type="button"
                  class="ghost"
                  aria-label={i18n.t('panel.lists.discardItem', [item.snippet])}
                  onClick={() => discard(item)}
                >
                  <Icon node={Trash2} size={14} />
                  <span>{i18n.t('panel.lists.discard')}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
