import { CircleAlert, Clock, RotateCw, Send, Trash2 } from 'lucide';
import type { OutboxItem } from '../utils/storage.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';

export interface OutboxHandlers {
  retry(item: OutboxItem): void;
  discard(item: OutboxItem): void;
}

/**
 * The Outbox at the top of the Inbox: sends the server has not taken yet (waiting) or refused (the
 * person decides: retry or discard). Hidden when empty, which is nearly always.
 */
export function outboxList(on: OutboxHandlers) {
  const el = h('section', { class: 'outbox', id: 'outbox', 'aria-labelledby': 'outbox-heading', hidden: true });

  function row(item: OutboxItem) {
    const what = item.request.kind === 'ask' ? `Ask to ${item.to}` : `Thanks to ${item.to}`;
    const failed = item.state === 'failed';
    return h(
      'li',
      { class: `item outbox-item${failed ? ' failed' : ''}`, 'data-outbox-id': item.id },
      h('p', { class: 'outbox-what' }, h('strong', null, what), item.snippet ? `: ${item.snippet}` : ''),
      h(
        'p',
        { class: 'outbox-state' },
        icon(failed ? CircleAlert : Clock, 14),
        h('span', null, failed ? `Refused: ${item.error ?? 'the server did not accept it'}` : 'Waiting to send'),
      ),
      h(
        'div',
        { class: 'outbox-actions' },
        h(
          'button',
          { type: 'button', class: 'ghost', 'aria-label': `Retry ${item.snippet}`, onclick: () => on.retry(item) },
          icon(RotateCw, 14),
          h('span', null, 'Retry'),
        ),
        h(
          'button',
          { type: 'button', class: 'ghost', 'aria-label': `Discard ${item.snippet}`, onclick: () => on.discard(item) },
          icon(Trash2, 14),
          h('span', null, 'Discard'),
        ),
      ),
    );
  }

  return {
    el,
    render(items: OutboxItem[]) {
      replace(
        el,
        h(
          'h3',
          { class: 'section-title', id: 'outbox-heading' },
          icon(Send, 14),
          h('span', null, 'Outbox'),
          h('span', { class: 'count' }, String(items.length)),
        ),
        h('ul', { class: 'items' }, items.map(row)),
      );
      el.hidden = items.length === 0;
    },
  };
}
