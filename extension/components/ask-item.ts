import { AlarmClock, Building2, MessageSquare, UserRound } from 'lucide';
import type { Ask } from '../../shared/asks.ts';
import { nextDue } from '../utils/due.ts';
import { relativeTime } from '../utils/time.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';
import { importanceLabel, statusLabel } from './labels.ts';

export const time = (iso: string) =>
  h('time', { datetime: iso, title: new Date(iso).toLocaleString() }, relativeTime(iso));

/** High and urgent asks carry a pill; low and normal ones do not need the noise. */
export const importancePill = (ask: Pick<Ask, 'importance'>) =>
  ask.importance === 'high' || ask.importance === 'urgent'
    ? h('span', { class: `pill pill-importance-${ask.importance}` }, importanceLabel[ask.importance])
    : null;

export interface AskItemOptions {
  /** "from Sam Rivera to Payroll", "to Payroll". */
  who: string;
  /** Queue rows show the service clock and the assignee. */
  queue?: boolean;
  onOpen(ask: Ask): void;
}

/**
 * One ask in a list: a button (its accessible name starts with the subject) that opens the ask.
 * `data-ask-id` lets a list put focus back on it after re-rendering or coming back from the detail.
 */
export function askItem(ask: Ask, opts: AskItemOptions): HTMLLIElement {
  const due = opts.queue ? nextDue(ask) : null;
  return h(
    'li',
    null,
    h(
      'button',
      { type: 'button', class: 'ask-item', 'data-ask-id': ask.id, onclick: () => opts.onOpen(ask) },
      h(
        'span',
        { class: 'item-top' },
        h('span', { class: 'item-title' }, ask.subject),
        h('span', { class: `pill pill-${ask.status}` }, statusLabel[ask.status]),
      ),
      h(
        'span',
        { class: 'item-meta' },
        ask.to.kind === 'department' ? icon(Building2, 12) : null,
        h('span', null, opts.who),
        ' · ',
        time(ask.createdAt),
        ask.replyCount
          ? h('span', { class: 'meta-count' }, ' · ', icon(MessageSquare, 12), String(ask.replyCount))
          : null,
      ),
      opts.queue || due || importancePill(ask)
        ? h(
            'span',
            { class: 'item-meta' },
            due
              ? h(
                  'span',
                  {
                    class: due.overdue ? 'due due-overdue' : 'due',
                    title: `${due.target} due ${new Date(due.at).toLocaleString()}`,
                  },
                  icon(AlarmClock, 12),
                  due.text,
                )
              : null,
            importancePill(ask),
            opts.queue
              ? h('span', { class: 'assignee' }, icon(UserRound, 12), ask.assignee ? ask.assignee.name : 'Unassigned')
              : null,
          )
        : null,
    ),
  );
}
