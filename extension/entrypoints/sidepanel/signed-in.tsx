import { Inbox as InboxIcon, ListTodo, SquarePen } from 'lucide';
import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Ask, AskDetail as Detail } from '../../../shared/asks.ts';
import type { Department } from '../../../shared/people.ts';
import { memo } from '../../ui/memo.ts';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import { useLatest } from '../../ui/use-latest.ts';
import { type Api, ApiProblem } from '../../utils/api.ts';
import { mark } from '../../utils/marks.ts';
import { send } from '../../utils/messages.ts';
import { accountOf } from '../../utils/outbox.ts';
import { afterPaint, whenIdle } from '../../utils/schedule.ts';
import { freshMeItem, type StoredSession, seenInboxItem } from '../../utils/storage.ts';
// Its styles stay in the page's CSS: its code is a chunk of its own (use-lazy.ts).
import './ask-detail.css';
import type { DetailHandlers, ShownAsk } from './ask-detail.tsx';
import { ComposerForm, type ComposerHandle, type ComposerHandlers } from './composer-form.tsx';
import { Inbox } from './inbox.tsx';
import type { NotificationPrefsProps } from './notification-prefs.tsx';
import { OutboxList } from './outbox-list.tsx';
import { PulseSlot } from './pulse-slot.tsx';
import { Queue } from './queue.tsx';
import { Topbar } from './topbar.tsx';
import { useAfterRender } from './use-after-render.ts';
import { useLazy } from './use-lazy.ts';
import { useListsLater } from './use-lists-later.ts';
import { useLoadedList } from './use-loaded-list.ts';
import { discardItem, retryItem, useOutbox } from './use-outbox.ts';
import { usePanelIntent } from './use-panel-intent.ts';
import { useQuickCapture } from './use-quick-capture.ts';
import { useSync } from './use-sync.ts';

type View = 'inbox' | 'queue' | 'new';
interface Opened {
  from: Ask | Detail;
  notice: string;
  /** Opened by "Rate and thank": its rating card takes focus once it shows. */
  rate?: boolean;
}

// The shell's own updates (the lists' answers, the outbox, the sync) leave the form as it is.
const Composer = memo(ComposerForm);
const idOf = (from: Ask | Detail) => ('ask' in from ? from.ask.id : from.id);
const followedNotice = () => i18n.t('panel.lists.followed');

interface SignedInProps {
  session: StoredSession;
  client: Api;
  /** Opened for a shortcut's composer: it is the first view, not the inbox. */
  composing: boolean;
  signOut(): void;
  /** The server no longer accepts the token. */
  sessionEnded(): void;
}

/** The signed-in panel: header, the Inbox / Queue / New views, an ask's detail, and polling for changes. */
export function SignedIn({ session, client, composing, signOut, sessionEnded }: SignedInProps) {
  const { me } = session;
  const account = accountOf(session);
  const hasQueue = me.departments.length > 0;
  const [view, setView] = useState<View>(composing ? 'new' : 'inbox');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [waiting, setWaiting] = useState(0);
  const [listsLater, listsNow] = useListsLater(composing);
  /** The notification preferences, loaded on first use: not part of the panel's first paint. */
  const [Prefs, setPrefs] = useState<FunctionComponent<NotificationPrefsProps> | null>(null);
  const composer = useRef<ComposerHandle | null>(null);
  const shown = useRef<ShownAsk>(null);
  const afterRender = useAfterRender();

  /** A 401 ends the session; anything else is the view's to show. */
  const failed = (e: unknown) => {
    if (e instanceof ApiProblem && e.status === 401) now.current.sessionEnded();
  };
  // The inbox as last seen paints at once on a reopened panel; the server's answer replaces it.
  const inbox = useLoadedList(() => client.inbox(), 'inbox', failed, {
    item: seenInboxItem,
    account,
    shown: () => mark('inbox-seen'),
  });
  const queue = useLoadedList(() => client.queue(), 'queue', failed);
  /** The inbox's first answer has come (or failed): the requests that can wait go out after it. */
  const [settled, setSettled] = useState(false);
  // What the handlers below read when called: they are made once, as the views expect.
  const now = useLatest({ view, opened, sessionEnded, session, settled });
  const refreshInbox = () =>
    void inbox.refresh().then((ok) => {
      if (ok) mark('inbox-ready');
      // What waits for the inbox (the sync, the person's details, the composer's directory, the pulses)
      // starts once the answer is painted, not in the frame that paints it.
      afterPaint(() => setSettled(true));
    });
  const poll = useSync(client, settled, {
    changed(seq) {
      void send({ type: 'changed' });
      refreshInbox();
      if (queue.loaded()) void queue.refresh();
      if (now.current.opened && (shown.current?.seq() ?? 0) < seq) shown.current?.reload();
    },
    waiting: setWaiting,
    failed,
  });

  /**
   * Keeps the person's details fresh (role, values, departments): when the panel settles, when the composer
   * opens (at most once a minute: an admin may have changed the values), and at once when a send is refused
   * for a value no longer offered.
   */
  const refreshMe = useMemo(() => {
    let last = 0;
    return (force: boolean) => {
      if (!force && Date.now() - last < 60_000) return;
      last = Date.now();
      client
        .me()
        .then((fresh) => {
          // Only the details are written, never the session: a sign-out meanwhile stays signed out, and
          // details kept for a token no longer stored are never shown.
          const { token, me: shown } = now.current.session;
          if (JSON.stringify(fresh) !== JSON.stringify(shown)) return freshMeItem.setValue({ token, me: fresh });
        })
        .catch(failed);
    };
  }, [client]);

  const act = useMemo(() => {
    const changed = () => {
      void poll();
      void send({ type: 'changed' });
    };
    const list = () => (now.current.view === 'queue' ? queue : inbox);
    function show(next: View, then?: () => void) {
      setView(next);
      setOpened(null);
      setPrefs(null);
      if (next !== 'new') listsNow();
      if (next === 'queue') void queue.refresh();
      if (next === 'inbox') void poll();
      if (next === 'new' && now.current.settled) refreshMe(false);
      afterRender(then ?? (() => next === 'new' && composer.current?.focus()));
    }
    function closeAsk(refocus: boolean) {
      const id = now.current.opened ? idOf(now.current.opened.from) : null;
      setOpened(null);
      if (!refocus) return;
      afterRender(() => {
        if (!id || !list().focusAsk(id)) document.getElementById(`tab-${now.current.view}`)?.focus();
      });
    }
    let departments: Promise<Department[]> | null = null;
    const detail: DetailHandlers = {
      back: () => closeAsk(true),
      changed,
      gone(text) {
        closeAsk(false);
        list().announce(text);
      },
      departments() {
        departments ??= client.departments().then((r) => r.departments);
        departments.catch(() => {
          departments = null;
        });
        return departments;
      },
      failed,
    };
    const composed: ComposerHandlers = {
      sent: changed,
      stale: () => refreshMe(true),
      saved: () => {},
      followed(ask) {
        show('inbox', () => {});
        setOpened({ from: ask, notice: followedNotice() });
        changed();
      },
      opened(ask) {
        show('inbox', () => {});
        setOpened({ from: ask, notice: '' });
      },
    };
    return { changed, show, detail, composed };
  }, [client]); // once per client: the views keep the handlers they were given; the rest is read through refs

  const outbox = useOutbox(account, act.changed);
  useQuickCapture({
    page: (context) => composer.current?.setPageContext(context),
    compose: (mode) => act.show('new', () => composer.current?.start(mode)),
  });
  // A notification's click: the panel opens on its ask (on its rating for "Rate and thank"), or on the inbox.
  usePanelIntent(client, {
    ask(detail, rate) {
      act.show('inbox', () => {});
      setOpened({ from: detail, notice: '', rate });
    },
    inbox: () => act.show('inbox'),
    failed,
  });
  // The inbox's request leaves as the views render, not after their first paint (useEffect waits a frame),
  // and alone: the server answers what the person waits for before what can wait. Opened for the composer,
  // the person waits for that instead: the inbox's request, its answer parsed and stored, waits until the page
  // is idle (after its first paint it still came before the composer was ready: 16 ms of a 100 ms start).
  useLayoutEffect(() => {
    if (!composing) return refreshInbox();
    return whenIdle(refreshInbox, 1000);
  }, [client]);
  useEffect(() => {
    if (settled) refreshMe(true);
  }, [refreshMe, settled]);
  // An ask's detail is no part of the first paint: its code loads when idle once the inbox is in, or when one opens.
  const AskDetail = useLazy(
    () => import('./ask-detail.tsx').then((m) => m.AskDetail),
    opened ? 'now' : settled ? 'idle' : false,
  );

  const openPrefs = () =>
    void import('./notification-prefs.tsx').then((m) => {
      setOpened(null);
      setPrefs(() => m.NotificationPrefs);
    }, failed);
  const closePrefs = () => {
    setPrefs(null);
    afterRender(() => document.getElementById('open-notifications')?.focus());
  };
  const listHidden = (which: View) => opened !== null || Prefs !== null || view !== which;
  // Stable: the list rows are memoized on their props.
  const openAsk = useCallback((ask: Ask) => setOpened({ from: ask, notice: '' }), []);
  return (
    <>
      <Topbar me={me} signOut={signOut} notifications={openPrefs} />
      <h1 class="sr-only">Tandem</h1>
      <ToggleGroup
        as="nav"
        label={i18n.t('panel.lists.views')}
        class="tabs"
        options={[
          { key: 'inbox', label: i18n.t('panel.lists.inbox'), icon: InboxIcon, id: 'tab-inbox', count: waiting },
          { key: 'queue', label: i18n.t('panel.lists.queue'), icon: ListTodo, id: 'tab-queue', hidden: !hasQueue },
          { key: 'new', label: i18n.t('panel.lists.new'), icon: SquarePen, id: 'tab-new' },
        ]}
        // The notification settings are none of the three views: no tab reads as current under them.
        selected={Prefs && !opened ? null : view}
        select={(next) => act.show(next)}
      />
      <div hidden={listHidden('inbox')}>
        {listsLater ? null : (
          <Inbox
            client={client}
            data={inbox.data}
            state={inbox.state}
            top={
              <>
                <OutboxList items={outbox} retry={retryItem} discard={discardItem} />
                <PulseSlot session={session} account={account} ready={settled} failed={failed} />
              </>
            }
            refresh={refreshInbox}
            open={openAsk}
            // The rating card's own confirmation, in its place and focused, says what happened.
            rated={act.changed}
            handle={inbox.handle}
            hidden={listHidden('inbox')}
          />
        )}
      </div>
      <div hidden={listHidden('queue')}>
        {listsLater ? null : (
          <Queue
            data={queue.data}
            state={queue.state}
            refresh={() => void queue.refresh()}
            open={openAsk}
            handle={queue.handle}
          />
        )}
      </div>
      <section class="compose-view" id="compose-view" aria-label={i18n.t('panel.lists.new')} hidden={listHidden('new')}>
        <Composer client={client} me={me} on={act.composed} account={account} handle={composer} warm={settled} />
      </section>
      {Prefs && !opened ? <Prefs client={client} close={closePrefs} failed={failed} /> : null}
      {opened && AskDetail ? (
        <div>
          <AskDetail
            key={idOf(opened.from)}
            client={client}
            meId={me.person.id}
            on={act.detail}
            from={opened.from}
            notice={opened.notice}
            rateFirst={opened.rate === true}
            control={shown}
          />
        </div>
      ) : null}
    </>
  );
}
