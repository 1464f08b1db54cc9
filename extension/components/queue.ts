import './queue.css';
import { Building2, RefreshCw } from 'lucide';
import type { Ask } from '../../shared/asks.ts';
import type { Queue, Queues } from '../../shared/inbox.ts';
import { askItem } from './ask-item.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { viewControls } from './view-controls.ts';

export interface QueueView {
  el: HTMLElement;
  render(queues: Queues): void;
  setLoading(loading: boolean): void;
  setError(message: string | null): void;
  announce(message: string): void;
  focusAsk(id: string): boolean;
}

function department(queue: Queue, open: (ask: Ask) => void) {
  const headingId = `queue-${queue.department.id}-heading`;
  const counts = [
    queue.overdue ? h('span', { class: 'pill pill-overdue' }, `${queue.overdue} overdue`) : null,
    queue.dueToday ? h('span', { class: 'pill pill-due-today' }, `${queue.dueToday} due today`) : null,
  ];
  return h(
    'section',
    { class: 'queue', 'aria-labelledby': headingId, 'data-department-id': queue.department.id },
    h(
      'h3',
      { class: 'queue-heading', id: headingId },
      icon(Building2, 14),
      h('span', { class: 'queue-name' }, queue.department.name),
      h('span', { class: 'count' }, `${queue.asks.length} open`),
      counts,
    ),
    queue.asks.length
      ? h(
          'ul',
          { class: 'items' },
          queue.asks.map((a) =>
            askItem(a, {
              who: `from ${a.requester.name}${a.to.kind === 'person' ? ` to ${a.to.name}` : ''}`,
              queue: true,
              onOpen: open,
            }),
          ),
        )
      : h('p', { class: 'empty' }, `No open asks for ${queue.department.name}. All caught up.`),
  );
}

/** Each of my departments' open asks, most urgent first, with what is overdue or due today. */
export function queueView(on: { refresh(): void; open(ask: Ask): void }): QueueView {
  const body = h('div', { class: 'queue-body' });
  const status = h('p', { class: 'status', id: 'queue-status', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const refresh = h(
    'button',
    { type: 'button', class: 'icon-button', id: 'refresh-queue', 'aria-label': 'Refresh', onclick: on.refresh },
    icon(RefreshCw),
  );
  const el = h(
    'section',
    { class: 'queue-view', id: 'queue', 'aria-labelledby': 'queue-title', 'aria-busy': 'false' },
    h('div', { class: 'view-header' }, h('h2', { id: 'queue-title', tabindex: -1 }, 'Department queue'), refresh),
    status,
    error,
    body,
  );

  return {
    el,
    render({ queues }) {
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-ask-id]');
      const focusedId = focused && body.contains(focused) ? focused.dataset.askId : undefined;
      replace(
        body,
        queues.length
          ? queues.map((q) => department(q, on.open))
          : h('p', { class: 'empty' }, 'You are not in a department, so no queue is yours.'),
      );
      if (focusedId) this.focusAsk(focusedId);
    },
    ...viewControls({ el, refresh, error, status, body }),
  };
}
