import { ExternalLink } from 'lucide';
import type { Ask } from '../../shared/asks.ts';
import { isWebUrl } from '../../shared/urls.ts';
import { deadline, dueText, duration } from '../utils/due.ts';
import { importancePill, time } from './ask-item.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';
import { importanceLabel, statusLabel } from './labels.ts';

const row = (term: string, ...value: (Node | string | null)[]) => [h('dt', null, term), h('dd', null, ...value)];

/** Status and overdue, under the heading. */
export function askPills(ask: Ask): HTMLElement {
  return h(
    'p',
    { class: 'detail-pills' },
    h('span', { class: `pill pill-${ask.status}` }, statusLabel[ask.status]),
    ask.clock.overdue ? h('span', { class: 'pill pill-overdue' }, 'Overdue') : null,
  );
}

/** Who, for whom, how important, by when, and about which page. */
export function askFacts(ask: Ask): HTMLElement {
  const page =
    ask.context && isWebUrl(ask.context.url)
      ? h(
          'a',
          { class: 'detail-link', href: ask.context.url, target: '_blank', rel: 'noopener noreferrer' },
          h('span', null, ask.context.title || ask.context.url),
          icon(ExternalLink, 12),
        )
      : null;
  return h(
    'dl',
    { class: 'facts' },
    row('To', ask.to.name),
    row('From', ask.requester.name, ' · ', time(ask.createdAt)),
    row('Assignee', ask.assignee?.name ?? 'Unassigned'),
    row('Importance', importancePill(ask) ?? importanceLabel[ask.importance]),
    ask.expectedBy ? row('Needed by', new Date(`${ask.expectedBy}T12:00:00`).toLocaleDateString()) : null,
    page ? row('Page', page) : null,
  );
}

function clockLine(label: string, done: number | null, dueAt: string | null, closed: boolean, now: number) {
  if (done !== null) return row(label, `after ${duration(done)}`);
  if (!dueAt) return null;
  if (closed) return row(label, '—');
  const due = dueText(dueAt, now);
  return row(
    label,
    h('span', { class: due.overdue ? 'due due-overdue' : 'due' }, due.text),
    ' ',
    h('span', { class: 'deadline' }, `(${deadline(dueAt, now)})`),
  );
}

/** The service clock against the department's standard (business hours), and how long it has waited. */
export function askClock(ask: Ask, now = Date.now()): HTMLElement | null {
  const closed = ask.status === 'resolved' || ask.status === 'declined';
  const { clock } = ask;
  const lines = [
    clockLine('First response', clock.firstResponseMs, clock.firstResponseDueAt, closed, now),
    clockLine('Resolution', clock.resolutionMs, clock.resolutionDueAt, closed, now),
    closed ? null : row('Waiting', `${duration(now - Date.parse(ask.createdAt))} so far`),
    clock.waitingMs > 0 ? row('On requester', `${duration(clock.waitingMs)}, not counted`) : null,
  ].filter((l) => l !== null);
  if (!lines.length) return null;
  return h(
    'section',
    { class: 'clock', 'aria-labelledby': `clock-${ask.id}` },
    h('h3', { class: 'section-title', id: `clock-${ask.id}` }, 'Service'),
    h('dl', { class: 'facts' }, ...lines),
  );
}

/** What the requester wrote, and the text they had selected on the page. */
export function askBody(ask: Ask): HTMLElement | null {
  if (!ask.details && !ask.context?.selection) return null;
  return h(
    'div',
    { class: 'detail-body' },
    ask.details ? h('p', { class: 'detail-details' }, ask.details) : null,
    ask.context?.selection ? h('blockquote', { class: 'context-selection' }, ask.context.selection) : null,
  );
}
