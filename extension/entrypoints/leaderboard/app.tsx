import { Gauge, Mail, Network, PanelRight, Trophy } from 'lucide';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Department } from '../../../shared/people.ts';
import { Icon } from '../../ui/icon.tsx';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import { type Api, ApiProblem, api } from '../../utils/api.ts';
import { openPanel } from '../../utils/side-panel.ts';
import { type StoredSession, sessionItem } from '../../utils/storage.ts';
import { DigestView } from './digest-view.tsx';
import { HandoffsView } from './handoffs-view.tsx';
import { filtersOf, initialChoice, PeriodControls } from './period-controls.tsx';
import { RecognitionView } from './recognition-view.tsx';
import { ServiceView } from './service-view.tsx';

type Tab = 'recognition' | 'service' | 'handoffs' | 'digest';

// Known before any click, so the click handler can open the panel synchronously (inside the gesture).
let windowId: number | undefined;
browser.windows
  .getCurrent()
  .then((w) => {
    windowId = w.id;
  })
  .catch((e: unknown) => console.warn('[tandem] [managers] no current window', e));

const membersOnly = 'This page is for managers and admins. Your account is a member account.';
const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The managers' page: recognition, service, hand-offs and the weekly digest, under one set of filters. */
export function App() {
  const [state, setState] = useState<
    { notice: string } | { session: StoredSession; client: Api; departments: Department[] } | null
  >(null);
  useEffect(() => {
    (async () => {
      const session = await sessionItem.getValue();
      if (!session) return setState({ notice: 'You are not signed in. Open the Tandem panel and sign in first.' });
      if (session.me.person.role === 'member') return setState({ notice: membersOnly });
      const client = api(session);
      const { departments } = await client.departments();
      setState({ session, client, departments });
    })().catch((e: unknown) => setState({ notice: `Something went wrong: ${reasonOf(e)}` }));
  }, []);
  return (
    <>
      <header class="page-header">
        <h1>
          <Icon node={Trophy} size={20} />
          <span>Recognition and service</span>
        </h1>
        <button type="button" id="open-panel" class="ghost" onClick={() => openPanel({ windowId })}>
          <Icon node={PanelRight} />
          <span>Open Tandem panel</span>
        </button>
      </header>
      <main id="content" class="content">
        {state && 'notice' in state ? (
          <p class="notice" id="leaderboard-notice">
            {state.notice}
          </p>
        ) : null}
        {state && 'client' in state ? (
          <Views
            client={state.client}
            session={state.session}
            departments={state.departments}
            stop={(notice) => setState({ notice })}
          />
        ) : null}
      </main>
    </>
  );
}

interface ViewsProps {
  client: Api;
  session: StoredSession;
  departments: Department[];
  /** The page cannot go on (no longer allowed, signed out): say why instead. */
  stop(notice: string): void;
}

function Views({ client, session, departments, stop }: ViewsProps) {
  const [tab, setTab] = useState<Tab>('recognition');
  const [choice, setChoice] = useState(initialChoice);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const filters = filtersOf(choice, tab === 'recognition');
  const failed = useCallback(
    (e: unknown) => {
      if (e instanceof ApiProblem && e.code === 'forbidden') return stop(membersOnly);
      if (e instanceof ApiProblem && e.status === 401) {
        return stop('Your session has ended. Open the Tandem panel and sign in again.');
      }
      setError(`Could not load this view: ${reasonOf(e)}`);
    },
    [stop],
  );
  const show = (next: Tab) => {
    setError(null);
    setTab(next);
  };
  const props = { client, filters, failed, busy: setBusy };
  return (
    <>
      <ToggleGroup<Tab>
        as="nav"
        label="Sections"
        class="tabs page-tabs"
        options={[
          { key: 'recognition', label: 'Recognition', icon: Trophy, id: 'tab-recognition' },
          { key: 'service', label: 'Service', icon: Gauge, id: 'tab-service' },
          { key: 'handoffs', label: 'Hand-offs', icon: Network, id: 'tab-handoffs' },
          { key: 'digest', label: 'Weekly digest', icon: Mail, id: 'tab-digest' },
        ]}
        selected={tab}
        select={show}
      />
      {tab !== 'digest' ? (
        <PeriodControls
          departments={departments}
          values={session.me.values}
          choice={choice}
          showValues={tab === 'recognition'}
          change={(next) => {
            setError(null);
            setChoice(next);
          }}
        />
      ) : null}
      <p class="form-error" role="alert" id="page-error" hidden={!error}>
        {error ?? ''}
      </p>
      <div class="result" aria-live="polite" aria-busy={busy ? 'true' : 'false'}>
        {tab === 'recognition' ? <RecognitionView {...props} /> : null}
        {tab === 'service' ? <ServiceView {...props} /> : null}
        {tab === 'handoffs' ? <HandoffsView {...props} /> : null}
        {tab === 'digest' ? <DigestView client={client} failed={failed} busy={setBusy} /> : null}
      </div>
    </>
  );
}
