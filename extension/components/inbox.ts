import './inbox.css';
import type { IconNode } from 'lucide';
import { Building2, Heart, Inbox as InboxIcon, Link, Lock, RefreshCw, Send } from 'lucide';
import type { Me } from '../../shared/session.ts';
import type { InboxResult } from '../utils/api.ts';
import { isWebUrl } from '../utils/page-context.ts';
import { relativeTime } from '../utils/time.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';

type Ask = InboxResult['sent'][number];
type Thank = InboxResult['thanks'][number];

const statusLabel: Record<Ask['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  waiting_on_requester: 'Waiting on requester',
  resolved: 'Resolved',
  declined: 'Declined',
};

export interface InboxView {
  el: HTMLElement;
  render(inbox: InboxResult): void;
  setLoading(loading: boolean): void;
  setError(message: string | null): void;
}

const time = (iso: string) => h('time', { datetime: iso, title: new Date(iso).toLocaleString() }, relativeTime(iso));

function askItem(ask: Ask, who: string) {
  const link =
    ask.context && isWebUrl(ask.context.url)
      ? h(
          'a',
          { class: 'item-link', href: ask.context.url, target: '_blank', rel: 'noopener noreferrer' },
          icon(Link, 12),
          h('span', null, ask.context.title || ask.context.url),
        )
      : null;
  return h(
    'li',
    { class: 'item' },
    h(
      'div',
      { class: 'item-top' },
      h('p', { class: 'item-title' }, ask.subject),
      h('span', { class: `pill pill-${ask.status}` }, statusLabel[ask.status]),
    ),
    h(
      'p',
      { class: 'item-meta' },
      ask.to.kind === 'department' ? icon(Building2, 12) : null,
      h('span', null, who),
      ' · ',
      time(ask.createdAt),
    ),
    link,
  );
}

function thankItem(thank: Thank, valueNames: Map<string, string>) {
  const values = thank.values.map((id) => h('span', { class: 'pill pill-value' }, valueNames.get(id) ?? id));
  return h(
    'li',
    { class: 'item' },
    h('p', { class: 'item-title item-message' }, thank.message),
    h(
      'p',
      { class: 'item-meta' },
      h('span', null, `from ${thank.from.name}`),
      thank.to.some((t) => t.kind === 'department') ? ` to ${thank.to.map((t) => t.name).join(', ')}` : null,
      ' · ',
      time(thank.createdAt),
    ),
    values.length || thank.visibility === 'private'
      ? h(
          'div',
          { class: 'chip-row' },
          values,
          thank.visibility === 'private' ? h('span', { class: 'pill pill-private' }, icon(Lock, 12), 'Private') : null,
        )
      : null,
  );
}

function section(id: string, title: string, iconNode: IconNode, items: HTMLElement[], empty: string) {
  const headingId = `${id}-heading`;
  return h(
    'section',
    { class: 'inbox-section', id, 'aria-labelledby': headingId },
    h('h3', { id: headingId }, icon(iconNode, 14), h('span', null, title), h('span', { class: 'count' }, items.length)),
    items.length ? h('ul', { class: 'items' }, items) : h('p', { class: 'empty' }, empty),
  );
}

/** The inbox: asks for me (or my departments), asks I sent, thanks I received. */
export function inboxView(me: Me, onRefresh: () => void): InboxView {
  const valueNames = new Map(me.values.map((v) => [v.id, v.name]));
  const body = h('div', { class: 'inbox-body' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const refresh = h(
    'button',
    { type: 'button', class: 'icon-button', id: 'refresh-inbox', 'aria-label': 'Refresh inbox', onclick: onRefresh },
    icon(RefreshCw),
  );
  const el = h(
    'section',
    { class: 'inbox', id: 'inbox', 'aria-labelledby': 'inbox-heading', 'aria-busy': 'false' },
    h('div', { class: 'inbox-header' }, h('h2', { id: 'inbox-heading' }, 'Inbox'), refresh),
    error,
    body,
  );

  return {
    el,
    render(inbox) {
      replace(
        body,
        section(
          'inbox-for-me',
          'For me',
          InboxIcon,
          inbox.forMe.map((a) =>
            askItem(a, `from ${a.requester.name}${a.to.kind === 'department' ? ` to ${a.to.name}` : ''}`),
          ),
          'Nothing waiting for you. Asks sent to you or your departments show up here.',
        ),
        section(
          'inbox-sent',
          'Sent',
          Send,
          inbox.sent.map((a) => askItem(a, `to ${a.to.name}`)),
          'You have not asked anything yet. Choose Ask above, pick a person or department and say what you need.',
        ),
        section(
          'inbox-thanks',
          'Thanks received',
          Heart,
          inbox.thanks.map((t) => thankItem(t, valueNames)),
          'No thanks yet. Thanks you receive show up here; choose Thank above to recognise someone.',
        ),
      );
    },
    setLoading(loading) {
      el.setAttribute('aria-busy', String(loading));
      refresh.classList.toggle('spinning', loading);
    },
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
    },
  };
}
