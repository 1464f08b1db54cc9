import { Inbox as InboxIcon, ListTodo, SquarePen } from 'lucide';
import type { Ask, AskDetail } from '../../shared/asks.ts';
import type { Department } from '../../shared/people.ts';
import { askDetailView } from '../entrypoints/sidepanel/ask-detail-view.tsx';
import { composer } from '../entrypoints/sidepanel/composer.tsx';
import { inboxView, outboxList, queueView } from '../entrypoints/sidepanel/list-mounts.tsx';
import { ApiProblem, api } from '../utils/api.ts';
import { mark } from '../utils/marks.ts';
import { send } from '../utils/messages.ts';
import { accountOf, itemsFor } from '../utils/outbox.ts';
import { type ComposeIntent, type OutboxItem, outboxItem, type StoredSession } from '../utils/storage.ts';
import { syncPoller } from '../utils/sync-poller.ts';
import { h } from './h.ts';
import { toggleGroup } from './toggle-group.ts';
import { topbar } from './topbar.ts';

type View = 'inbox' | 'queue' | 'new';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The signed-in panel: header, the Inbox / Queue / New views, an ask's detail, and polling for changes. */
export function signedInView(session: StoredSession, hooks: { signOut(): void; sessionEnded(): void }) {
  const { me } = session;
  const client = api(session);
  const hasQueue = me.departments.length > 0;
  let view: View = 'inbox';
  let detailOpen = false;
  let queueLoaded = false;
  let departments: Promise<Department[]> | null = null;

  /** A 401 ends the session; anything else is the view's to show. */
  const failed = (e: unknown) => {
    if (e instanceof ApiProblem && e.status === 401) hooks.sessionEnded();
  };
  const changed = () => {
    void poller.poll();
    void send({ type: 'changed' });
  };

  // The panel only reads the outbox; the background writes and flushes it (utils/outbox.ts).
  const account = accountOf(session);
  let outboxCount = 0;
  const outbox = outboxList({
    retry: (item) => void send({ type: 'outbox-retry', id: item.id }),
    discard: (item) => void send({ type: 'outbox-discard', id: item.id }),
  });
  const showOutbox = (all: OutboxItem[]) => {
    const mine = itemsFor(all, account);
    // Fewer items: the background delivered some, so the lists may have changed.
    if (mine.length < outboxCount) changed();
    outboxCount = mine.length;
    outbox.render(mine);
  };
  const flushOutbox = () => void send({ type: 'outbox-flush' });

  const inbox = inboxView(
    client,
    me,
    {
      refresh: () => void refreshInbox(),
      open: (ask) => openAsk(ask),
      rated: (e) => {
        inbox.announce(
          e.detail === null
            ? `“${e.ask.subject}” was already rated.`
            : e.thanked
              ? `Rated “${e.ask.subject}”, and thanks sent to ${e.thanked}.`
              : `Rated “${e.ask.subject}”.`,
        );
        changed();
      },
    },
    outbox.el,
  );
  const queue = queueView({ refresh: () => void refreshQueue(), open: (ask) => openAsk(ask) });
  const compose = composer(
    client,
    me,
    {
      sent: changed,
      saved: () => {},
      followed: (detail) => {
        view = 'inbox';
        tabs.select(view);
        openAsk(detail, 'You now follow this ask: its updates show up in your inbox.');
        changed();
      },
      opened: (detail) => {
        view = 'inbox';
        tabs.select(view);
        openAsk(detail);
      },
    },
    account,
  );
  const detailView = askDetailView(client, me.person.id, {
    back: () => closeAsk(),
    changed,
    gone: (text) => {
      closeAsk();
      (view === 'queue' ? queue : inbox).announce(text);
    },
    departments: () => {
      departments ??= client.departments().then((r) => r.departments);
      departments.catch(() => {
        departments = null;
      });
      return departments;
    },
    failed,
  });

  const tabs = toggleGroup<View>(
    'nav',
    'Views',
    'tabs',
    [
      { key: 'inbox', label: 'Inbox', icon: InboxIcon, id: 'tab-inbox' },
      { key: 'queue', label: 'Queue', icon: ListTodo, id: 'tab-queue' },
      { key: 'new', label: 'New', icon: SquarePen, id: 'tab-new' },
    ],
    view,
    (next) => show(next),
  );
  tabs.setHidden('queue', !hasQueue);
  const composeView = h('section', { class: 'compose-view', id: 'compose-view', 'aria-label': 'New' }, compose.el);

  function layout() {
    inbox.el.hidden = detailOpen || view !== 'inbox';
    queue.el.hidden = detailOpen || view !== 'queue';
    composeView.hidden = detailOpen || view !== 'new';
    detailView.el.hidden = !detailOpen;
  }

  function show(next: View) {
    view = next;
    tabs.select(next);
    if (detailOpen) closeAsk(false);
    layout();
    if (next === 'queue') void refreshQueue();
    if (next === 'inbox') void poller.poll();
    if (next === 'new') compose.focus();
  }

  function openAsk(ask: Ask | AskDetail, notice?: string) {
    detailOpen = true;
    layout();
    void detailView.open(ask, notice);
  }

  function closeAsk(refocus = true) {
    const id = detailView.currentId();
    detailOpen = false;
    detailView.close();
    layout();
    if (!refocus) return;
    const list = view === 'queue' ? queue : inbox;
    if (!id || !list.focusAsk(id)) tabs.button(view).focus();
  }

  async function refreshInbox() {
    inbox.setLoading(true);
    try {
      inbox.render(await client.inbox());
      inbox.setError(null);
      mark('inbox-ready');
    } catch (e) {
      failed(e);
      inbox.setError(`Could not load the inbox: ${message(e)}`, e);
    } finally {
      inbox.setLoading(false);
    }
  }

  async function refreshQueue() {
    if (!hasQueue) return;
    queue.setLoading(true);
    try {
      queue.render(await client.queue());
      queue.setError(null);
      queueLoaded = true;
    } catch (e) {
      failed(e);
      queue.setError(`Could not load the queue: ${message(e)}`, e);
    } finally {
      queue.setLoading(false);
    }
  }

  const poller = syncPoller({
    sync: (after) => client.sync(after),
    intervalMs: 15_000,
    changed: (seq) => {
      void send({ type: 'changed' });
      void refreshInbox();
      if (queueLoaded) void refreshQueue();
      if (detailOpen && detailView.seq() < seq) void detailView.reload();
    },
    waiting: (n) => tabs.setCount('inbox', n),
    failed,
  });

  layout();
  void refreshInbox();
  poller.start();

  // Flush triggers on the panel's side: it opened, or the network came back.
  outboxItem
    .getValue()
    .then(showOutbox)
    .catch((e: unknown) => console.warn('[tandem] [signed-in] outbox unavailable', e));
  const unwatchOutbox = outboxItem.watch(showOutbox);
  flushOutbox();
  window.addEventListener('online', flushOutbox);

  /** A quick-capture gesture (shortcut, context menu): the composer, in its mode, cursor in "To". */
  function startCompose(mode: ComposeIntent['mode']) {
    show('new');
    compose.start(mode);
  }

  return {
    el: [
      topbar(me, hooks.signOut),
      h('h1', { class: 'sr-only' }, 'Tandem'),
      tabs.el,
      inbox.el,
      queue.el,
      composeView,
      detailView.el,
    ],
    composer: compose,
    startCompose,
    /** The panel became visible again: catch up now rather than at the next tick. */
    wake: () => void poller.poll(),
    dispose: () => {
      poller.stop();
      unwatchOutbox();
      window.removeEventListener('online', flushOutbox);
    },
  };
}
