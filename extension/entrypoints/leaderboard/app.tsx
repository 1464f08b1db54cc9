import { Activity, Gauge, Mail, Network, PanelRight, Trophy } from 'lucide';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { Department } from '../../../shared/people.ts';
import type { ValueItem } from '../../../shared/values.ts';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import { type Api, ApiProblem, api } from '../../utils/api.ts';
import { type PulseAdminApi, pulseAdminApi } from '../../utils/pulse-api.ts';
import { openPanel } from '../../utils/side-panel.ts';
import { readSession } from '../../utils/storage.ts';
import { DigestView } from './digest-view.tsx';
import { HandoffsView } from './handoffs-view.tsx';
import { filtersOf, initialChoice, PeriodControls } from './period-controls.tsx';
import { linkedPulse, PulsesView } from './pulses-view.tsx';
import { RecognitionView } from './recognition-view.tsx';
import { ServiceView } from './service-view.tsx';

type Tab = 'recognition' | 'service' | 'handoffs' | 'digest' | 'pulses';

// Known before any click, so the click handler can open the panel synchronously (inside the gesture).
let windowId: number | undefined;
browser.windows
  .getCurrent()
  .then((w) => {
    windowId = w.id;
  })
  .catch((e: unknown) => console.warn('[tandem] [managers] no current window', e));

const membersOnly = () => i18n.t('leaderboard.app.membersOnly');

/** The managers' page: recognition, service, hand-offs and the weekly digest, under one set of filters. */
export function App() {
  const [state, setState] = useState<{ notice: string } | Omit<ViewsProps, 'stop'> | null>(null);
  useEffect(() => {
    (async () => {
      const session = await readSession();
      if (!session) return setState({ notice: i18n.t('leaderboard.app.signedOut') });
      const client = api(session);
      const pulses = pulseAdminApi(session);
      if (session.me.person.role === 'member') {
        // A member reads only their department's pulse results, when a pulse has asked about it.
        const { pulses: theirs } = await pulses.list();
        if (!theirs.length) return setState({ notice: membersOnly() });
        return setState({ client, pulses, departments: [], values: [], memberOnly: true });
      }
      const [{ departments }, { values }] = await Promise.all([client.departments(), client.values(true)]);
      setState({ client, pulses, departments, values, memberOnly: false });
    })().catch((e: unknown) => setState({ notice: i18n.t('leaderboard.app.failed', [reason(e)]) }));
  }, []);
  return (
    <>
      <header class="page-header">
        <h1>
          <Icon node={Trophy} size={20} />
          <span>{i18n.t('leaderboard.app.title')}</span>
        </h1>
        <button type="button" id="open-panel" class="ghost" onClick={() => openPanel({ windowId })}>
          <Icon node={PanelRight} />
          <span>{i18n.t('leaderboard.app.openPanel')}</span>
        </button>
      </header>
      <main id="content" class="content">
        {state && 'notice' in state ? (
          <p class="notice" id="leaderboard-notice">
            {state.notice}
          </p>
        ) : null}
        {state && 'client' in state ? <Views {...state} stop={(notice) => setState({ notice })} /> : null}
      </main>
    </>
  );
}

interface ViewsProps {
  client: Api;
  pulses: PulseAdminApi;
  /** A member of a department a pulse asked about: its results only. */
  memberOnly: boolean;
  departments: Department[];
  values: ValueItem[];
  /** The page cannot go on (no longer allowed, signed out): say why instead. */
  stop(notice: string): void;
}

function Views({ client, pulses, memberOnly, departments, values, stop }: ViewsProps) {
  const [tab, setTab] = useState<Tab>(memberOnly || linkedPulse() ? 'pulses' : 'recognition');
  const [choice, setChoice] = useState(initialChoice);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const filters = filtersOf(choice, tab === 'recognition');
  const failed = useCallback(
    (e: unknown) => {
      if (e instanceof ApiProblem && e.code === 'forbidden') return stop(membersOnly());
      if (e instanceof ApiProblem && e.status === 401) return stop(i18n.t('leaderboard.app.sessionEnded'));
      setError(i18n.t('leaderboard.app.viewFailed', [reason(e)]));
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
        label={i18n.t('leaderboard.app.sections')}
        class="tabs page-tabs"
        options={(
          [
            { key: 'recognition', label: i18n.t('leaderboard.app.recognition'), icon: Trophy, id: 'tab-recognition' },
            { key: 'service', label: i18n.t('leaderboard.app.service'), icon: Gauge, id: 'tab-service' },
            { key: 'handoffs', label: i18n.t('leaderboard.app.handoffs'), icon: Network, id: 'tab-handoffs' },
            { key: 'digest', label: i18n.t('leaderboard.app.digest'), icon: Mail, id: 'tab-digest' },
            { key: 'pulses', label: i18n.t('leaderboard.app.pulses'), icon: Activity, id: 'tab-pulses' },
          ] as const
        ).filter((o) => !memberOnly || o.key === 'pulses')}
        selected={tab}
        select={show}
      />
      {tab !== 'digest' && tab !== 'pulses' ? (
        <PeriodControls
          departments={departments}
          values={values}
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
        {tab === 'pulses' ? (
          <PulsesView pulses={pulses} departments={departments} mayOpen={!memberOnly} failed={failed} busy={setBusy} />
        ) : null}
      </div>
    </>
  );
}
