import '../../components/theme.css';
import './style.css';
import { Gauge, Mail, Network, PanelRight, Trophy } from 'lucide';
import { browser } from 'wxt/browser';
import { h, replace } from '../../components/h.ts';
import { icon } from '../../components/icon.ts';
import { digestView } from '../../components/insights/digest-view.ts';
import { handoffsView } from '../../components/insights/handoffs-view.ts';
import { type Filters, periodControls } from '../../components/insights/period-controls.ts';
import { recognitionView } from '../../components/insights/recognition-view.ts';
import { serviceView } from '../../components/insights/service-view.ts';
import { toggleGroup } from '../../components/toggle-group.ts';
import { ApiProblem, api } from '../../utils/api.ts';
import { openPanel } from '../../utils/side-panel.ts';
import { sessionItem } from '../../utils/storage.ts';

type Tab = 'recognition' | 'service' | 'handoffs' | 'digest';

const app = document.getElementById('app')!;

// Known before any click, so the click handler can open the panel synchronously (inside the gesture).
let windowId: number | undefined;
browser.windows
  .getCurrent()
  .then((w) => {
    windowId = w.id;
  })
  .catch((e: unknown) => console.warn('[tandem] [managers] no current window', e));

const openPanelButton = h(
  'button',
  { type: 'button', id: 'open-panel', class: 'ghost', onclick: () => openPanel({ windowId }) },
  icon(PanelRight),
  h('span', null, 'Open Tandem panel'),
);

const content = h('main', { id: 'content', class: 'content' });
replace(
  app,
  h(
    'header',
    { class: 'page-header' },
    h('h1', null, icon(Trophy, 20), h('span', null, 'Recognition and service')),
    openPanelButton,
  ),
  content,
);

const message = (text: string) => replace(content, h('p', { class: 'notice', id: 'leaderboard-notice' }, text));
const membersOnly = 'This page is for managers and admins. Your account is a member account.';

async function start() {
  const session = await sessionItem.getValue();
  if (!session) return message('You are not signed in. Open the Tandem panel and sign in first.');
  if (session.me.person.role === 'member') return message(membersOnly);
  const client = api(session);
  const { departments } = await client.departments();
  const views = {
    recognition: recognitionView(client),
    service: serviceView(client),
    handoffs: handoffsView(client),
    digest: digestView(client),
  };
  let tab: Tab = 'recognition';
  const controls = periodControls(departments, session.me.values, () => void load());
  const tabs = toggleGroup<Tab>(
    'nav',
    'Sections',
    'tabs page-tabs',
    [
      { key: 'recognition', label: 'Recognition', icon: Trophy, id: 'tab-recognition' },
      { key: 'service', label: 'Service', icon: Gauge, id: 'tab-service' },
      { key: 'handoffs', label: 'Hand-offs', icon: Network, id: 'tab-handoffs' },
      { key: 'digest', label: 'Weekly digest', icon: Mail, id: 'tab-digest' },
    ],
    tab,
    (next) => {
      tab = next;
      void load();
    },
  );
  const error = h('p', { class: 'form-error', role: 'alert', id: 'page-error', hidden: true });
  const result = h(
    'div',
    { class: 'result', 'aria-live': 'polite', 'aria-busy': 'false' },
    Object.values(views).map((v) => v.el),
  );
  replace(content, tabs.el, controls.el, error, result);

  let generation = 0;
  async function load() {
    const mine = ++generation;
    for (const [key, view] of Object.entries(views)) view.el.hidden = key !== tab;
    controls.el.hidden = tab === 'digest';
    controls.showValues(tab === 'recognition');
    result.setAttribute('aria-busy', 'true');
    error.hidden = true;
    try {
      const filters: Filters = controls.read();
      await views[tab].load(filters);
    } catch (e) {
      if (mine !== generation) return;
      if (e instanceof ApiProblem && e.code === 'forbidden') return message(membersOnly);
      if (e instanceof ApiProblem && e.status === 401) {
        return message('Your session has ended. Open the Tandem panel and sign in again.');
      }
      error.textContent = `Could not load this view: ${e instanceof Error ? e.message : String(e)}`;
      error.hidden = false;
    } finally {
      if (mine === generation) result.setAttribute('aria-busy', 'false');
    }
  }
  await load();
}

start().catch((e: unknown) => message(`Something went wrong: ${e instanceof Error ? e.message : String(e)}`));
sessionItem.watch(() => location.reload());
