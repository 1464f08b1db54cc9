import './inbox.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask } from '../../../shared/asks.ts';
import type { Inbox as InboxData } from '../../../shared/inbox.ts';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import type { Api } from '../../utils/api.ts';
import { afterPaint } from '../../utils/schedule.ts';
import { AskItem, type FocusRequest } from './ask-item.tsx';
import { ListNotices, type ListState } from './list-notices.tsx';
import type { RatedEvent } from './rating-card.tsx';
import { RefreshButton } from './refresh-button.tsx';
import { ThankItem } from './thank-item.tsx';
import { ToRate } from './to-rate.tsx';

type List = 'forMe' | 'sent' | 'thanks';

/** What a host outside Preact may ask of a list view. */
export interface ListHandle {
  /** Puts focus back on an ask's row; false when it is not in the visible list. */
  focusAsk?(id: string): boolean;
}

interface InboxProps {
  client: Api;
  /** Null until the first load. */
  data: InboxData | null;
  state: ListState;
  /** Shown first: the Outbox, when anything waits in it. */
  top?: ComponentChildren;
  refresh(): void;
  open(ask: Ask): void;
  rated(event: RatedEvent): void;
  handle?: ListHandle;
  /** The inbox is not on screen (the composer or an ask is): its rows wait until it is. */
  hidden?: boolean;
}

/**
 * Rows rendered for the first paint: a screenful and some (the panel is about 800 px tall, a row about
 * 60 px). The rest of the list follows right after that paint, so the first paint does not wait on rows
 * below the fold (50 rows cost their render and layout several times over).
 */
export const firstRows = 16;

const who = {
  forMe: (a: Ask) =>
    a.to.kind === 'department'
      ? i18n.t('panel.lists.fromTo', [a.requester.name, a.to.name])
      : i18n.t('panel.lists.from', [a.requester.name]),
  sent: (a: Ask) => i18n.t('panel.lists.to', [a.to.name]),
};

const lists: { key: List; id: string; label: string; empty: string }[] = [
  {
    key: 'forMe',
    id: 'inbox-for-me',
    label: i18n.t('panel.lists.asksForMe'),
    empty: i18n.t('panel.lists.emptyForMe'),
  },
  {
    key: 'sent',
    id: 'inbox-sent',
    label: i18n.t('panel.lists.asksISent'),
    empty: i18n.t('panel.lists.emptySent'),
  },
  {
    key: 'thanks',
    id: 'inbox-thanks',
    label: i18n.t('panel.lists.thanksReceived'),
    empty: i18n.t('panel.lists.emptyThanks'),
  },
];

/**
 * The inbox: the Outbox first (when anything waits in it), then resolved asks to rate, then asks for
 * me, asks I sent, or thanks I received. Rows are keyed by id, so a refresh keeps focus and each
 * rating card's half-chosen stars.
 */
export function Inbox({ client, data, state, top, refresh, open, rated, handle, hidden = false }: InboxProps) {
  const [shown, setShown] = useState<List>('forMe');
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  /** Every row rendered: from the paint after the first one with data on screen. */
  const [whole, setWhole] = useState(false);
  const rows = <T,>(items: T[]) => (whole ? items : items.slice(0, hidden ? 0 : firstRows));
  const heading = useRef<HTMLHeadingElement>(null);
  const asks = { forMe: data?.forMe ?? [], sent: data?.sent ?? [] };

  // A request is for one render: a row that comes back later must not take focus again.
  useEffect(() => {
    if (focus) setFocus(null);
  }, [focus]);
  // The rows below the fold come once the first screenful is painted (after a frame: useEffect's fallback
  // timer runs before any frame under load) and the server has answered, so neither waits on them; a slow
  // answer delays them a second at most.
  const loading = state.loading;
  useEffect(() => {
    if (!data || hidden || whole) return;
    const expand = () => setWhole(true);
    if (loading) {
      const timer = setTimeout(expand, 1000);
      return () => clearTimeout(timer);
    }
    return afterPaint(expand);
  }, [data, hidden, whole, loading]);
  useLayoutEffect(() => {
    if (!handle) return;
    handle.focusAsk = (id) => {
      if (shown === 'thanks' || !asks[shown].some((a) => a.id === id)) return false;
      setWhole(true);
      setFocus({ id });
      return true;
    };
  });

  const openCount = asks.forMe.filter((a) => a.status !== 'resolved' && a.status !== 'declined').length;
  const minute = Math.floor(Date.now() / 60_000);
  const body = (key: List) => {
    if (key === 'thanks') {
      return data?.thanks.length ? (
        <ul class="items">
          {rows(data.thanks).map((t) => (
            <ThankItem key={t.id} thank={t} />
          ))}
        </ul>
      ) : null;
    }
    return asks[key].length ? (
      <ul class="items">
        {rows(asks[key]).map((a) => (
          <AskItem
            key={a.id}
            ask={a}
            who={who[key](a)}
            focus={focus?.id === a.id ? focus : null}
            onOpen={open}
            minute={minute}
          />
        ))}
      </ul>
    ) : null;
  };

  return (
    <section class="inbox" id="inbox" aria-labelledby="inbox-heading" aria-busy={state.loading ? 'true' : 'false'}>
      <h2 class="sr-only" id="inbox-heading" tabIndex={-1} ref={heading}>
        {i18n.t('panel.lists.inbox')}
      </h2>
      <ListNotices id="inbox" state={state} />
      {top}
      <ToRate client={client} asks={data?.toRate ?? []} rated={rated} leave={() => heading.current?.focus()} />
      <div class="inbox-header">
        <ToggleGroup<List>
          label={i18n.t('panel.lists.inboxLists')}
          class="segmented segmented-3"
          selected={shown}
          select={setShown}
          options={[
            { key: 'forMe', label: i18n.t('panel.lists.forMe'), id: 'show-for-me', count: openCount },
            { key: 'sent', label: i18n.t('panel.lists.sent'), id: 'show-sent' },
            { key: 'thanks', label: i18n.t('panel.lists.thanks'), id: 'show-thanks' },
          ]}
        />
        <RefreshButton id="refresh-inbox" loading={state.loading} refresh={refresh} />
      </div>
      <div class="inbox-body">
        {/* Only the list shown is rendered: the others can hold hundreds of rows nobody is looking at. */}
        {lists.map((l) => (
          <section key={l.key} class="inbox-section" id={l.id} aria-label={l.label} hidden={shown !== l.key}>
            {shown === l.key ? (body(l.key) ?? (data ? <p class="empty">{l.empty}</p> : null)) : null}
          </section>
        ))}
      </div>
    </section>
  );
}
