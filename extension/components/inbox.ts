import './inbox.css';
import { RefreshCw, Star } from 'lucide';
import type { Ask } from '../../shared/asks.ts';
import type { Inbox } from '../../shared/inbox.ts';
import type { Me } from '../../shared/session.ts';
import type { Api } from '../utils/api.ts';
import { askItem } from './ask-item.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { type RatedEvent, ratingCard } from './rating-card.ts';
import { thankItem } from './thank-item.ts';
import { toggleGroup } from './toggle-group.ts';
import { viewControls } from './view-controls.ts';

type List = 'forMe' | 'sent' | 'thanks';

export interface InboxView {
  el: HTMLElement;
  render(inbox: Inbox): void;
  setLoading(loading: boolean): void;
  setError(message: string | null): void;
  announce(message: string): void;
  /** Puts focus back on an ask's row; false when it is not in the visible list. */
  focusAsk(id: string): boolean;
}

export interface InboxHandlers {
  refresh(): void;
  open(ask: Ask): void;
  rated(event: RatedEvent): void;
}

const who = {
  forMe: (a: Ask) => `from ${a.requester.name}${a.to.kind === 'department' ? ` to ${a.to.name}` : ''}`,
  sent: (a: Ask) => `to ${a.to.name}`,
};

function list(id: string, label: string, items: HTMLElement[], empty: string, hidden: boolean) {
  return h(
    'section',
    { class: 'inbox-section', id, 'aria-label': label, hidden },
    items.length ? h('ul', { class: 'items' }, items) : h('p', { class: 'empty' }, empty),
  );
}

/**
 * The inbox: `top` first (the Outbox, when anything waits in it), then resolved asks to rate, then
 * asks for me, asks I sent, or thanks I received.
 */
export function inboxView(client: Api, me: Me, on: InboxHandlers, top?: HTMLElement): InboxView {
  const valueNames = new Map(me.values.map((v) => [v.id, v.name]));
  // Rating cards survive re-renders (polling), so half-chosen stars and edited messages are kept.
  const cards = new Map<string, ReturnType<typeof ratingCard>>();
  const toRate = h('section', {
    class: 'to-rate',
    id: 'inbox-to-rate',
    'aria-labelledby': 'to-rate-heading',
    hidden: true,
  });
  const body = h('div', { class: 'inbox-body' });
  const status = h('p', { class: 'status', id: 'inbox-status', role: 'status' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const sectionId: Record<List, string> = { forMe: 'inbox-for-me', sent: 'inbox-sent', thanks: 'inbox-thanks' };
  const lists = toggleGroup<List>(
    'div',
    'Inbox lists',
    'segmented segmented-3',
    [
      { key: 'forMe', label: 'For me', id: 'show-for-me' },
      { key: 'sent', label: 'Sent', id: 'show-sent' },
      { key: 'thanks', label: 'Thanks', id: 'show-thanks' },
    ],
    'forMe',
    (key) => {
      for (const section of body.children) (section as HTMLElement).hidden = section.id !== sectionId[key];
    },
  );
  const refresh = h(
    'button',
    { type: 'button', class: 'icon-button', id: 'refresh-inbox', 'aria-label': 'Refresh', onclick: on.refresh },
    icon(RefreshCw),
  );
  const heading = h('h2', { class: 'sr-only', id: 'inbox-heading', tabindex: -1 }, 'Inbox');
  const el = h(
    'section',
    { class: 'inbox', id: 'inbox', 'aria-labelledby': 'inbox-heading', 'aria-busy': 'false' },
    heading,
    status,
    error,
    top,
    toRate,
    h('div', { class: 'inbox-header' }, lists.el, refresh),
    body,
  );

  function rated(event: RatedEvent) {
    const card = cards.get(event.ask.id);
    const next = card ? [...cards.values()][[...cards.values()].indexOf(card) + 1] : undefined;
    card?.el.remove();
    cards.delete(event.ask.id);
    toRate.hidden = cards.size === 0;
    if (next) next.focus();
    else lists.button(lists.selected()).focus();
    on.rated(event);
  }

  function renderToRate(asks: Ask[]) {
    const keep = new Set(asks.map((a) => a.id));
    for (const [id, card] of cards) {
      if (keep.has(id)) continue;
      card.el.remove();
      cards.delete(id);
    }
    for (const ask of asks) if (!cards.has(ask.id)) cards.set(ask.id, ratingCard(client, ask, rated));
    replace(
      toRate,
      h('h3', { class: 'section-title', id: 'to-rate-heading' }, icon(Star, 14), h('span', null, 'To rate')),
      asks.map((a) => cards.get(a.id)!.el),
    );
    toRate.hidden = asks.length === 0;
  }

  return {
    el,
    render(inbox) {
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.inbox-body [data-ask-id]');
      const shown = lists.selected();
      renderToRate(inbox.toRate);
      replace(
        body,
        list(
          'inbox-for-me',
          'Asks for me',
          inbox.forMe.map((a) => askItem(a, { who: who.forMe(a), onOpen: on.open })),
          'Nothing waiting for you. Asks sent to you or your departments show up here.',
          shown !== 'forMe',
        ),
        list(
          'inbox-sent',
          'Asks I sent',
          inbox.sent.map((a) => askItem(a, { who: who.sent(a), onOpen: on.open })),
          'You have not asked anything yet. Choose New, pick a person or department and say what you need.',
          shown !== 'sent',
        ),
        list(
          'inbox-thanks',
          'Thanks received',
          inbox.thanks.map((t) => thankItem(t, valueNames)),
          'No thanks yet. Thanks you receive show up here; choose New, then Thank, to recognise someone.',
          shown !== 'thanks',
        ),
      );
      lists.setCount('forMe', inbox.forMe.filter((a) => a.status !== 'resolved' && a.status !== 'declined').length);
      lists.setCount('sent', 0);
      lists.setCount('thanks', 0);
      if (focused?.dataset.askId) this.focusAsk(focused.dataset.askId);
    },
    ...viewControls({ el, refresh, error, status, body, rowScope: 'section:not([hidden]) ' }),
  };
}
