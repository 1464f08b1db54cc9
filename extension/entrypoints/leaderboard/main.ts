import '../../components/theme.css';
import './style.css';
import { PanelRight, Trophy } from 'lucide';
import { browser } from 'wxt/browser';
import { h, replace } from '../../components/h.ts';
import { icon } from '../../components/icon.ts';
import { leaderboardTable } from '../../components/leaderboard-table.ts';
import { ApiProblem, api, type LeaderboardQuery } from '../../utils/api.ts';
import { openPanel } from '../../utils/side-panel.ts';
import { sessionItem } from '../../utils/storage.ts';

const app = document.getElementById('app')!;

// Known before any click, so the click handler can open the panel synchronously (inside the gesture).
let windowId: number | undefined;
browser.windows
  .getCurrent()
  .then((w) => {
    windowId = w.id;
  })
  .catch((e: unknown) => console.warn('[tandem] [leaderboard] no current window', e));

const openPanelButton = h(
  'button',
  { type: 'button', id: 'open-panel', class: 'ghost', onclick: () => openPanel({ windowId }) },
  icon(PanelRight),
  h('span', null, 'Open Tandem panel'),
);

const content = h('main', { id: 'content', class: 'content', 'aria-live': 'polite' });
replace(
  app,
  h(
    'header',
    { class: 'page-header' },
    h('h1', null, icon(Trophy, 20), h('span', null, 'Recognition')),
    openPanelButton,
  ),
  content,
);

const message = (text: string) => replace(content, h('p', { class: 'notice', id: 'leaderboard-notice' }, text));

function select(id: string, label: string, options: [string, string][], value: string, onChange: () => void) {
  const el = h(
    'select',
    { id, onchange: onChange },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return { el, field: h('div', { class: 'control' }, h('label', { for: id }, label), el) };
}

async function start() {
  const session = await sessionItem.getValue();
  if (!session) return message('You are not signed in. Open the Tandem panel and sign in first.');
  if (session.me.person.role === 'member') {
    return message('The leaderboard is for managers and admins. Your account is a member account.');
  }
  const client = api(session);
  const period = select(
    'period',
    'Period',
    [
      ['week', 'This week'],
      ['month', 'This month'],
      ['quarter', 'This quarter'],
      ['all', 'All time'],
    ],
    'month',
    () => void load(),
  );
  const kind = select(
    'kind',
    'Show',
    [
      ['person', 'People'],
      ['department', 'Departments'],
    ],
    'person',
    () => void load(),
  );
  const result = h('div', { class: 'result', 'aria-live': 'polite', 'aria-busy': 'false' });
  replace(content, h('div', { class: 'controls' }, period.field, kind.field), result);

  async function load() {
    result.setAttribute('aria-busy', 'true');
    try {
      const query = { period: period.el.value, kind: kind.el.value } as LeaderboardQuery;
      replace(result, leaderboardTable(await client.leaderboard(query)));
    } catch (e) {
      if (e instanceof ApiProblem && e.code === 'forbidden') {
        return message('The leaderboard is for managers and admins. Your account is a member account.');
      }
      if (e instanceof ApiProblem && e.status === 401) {
        return message('Your session has ended. Open the Tandem panel and sign in again.');
      }
      replace(
        result,
        h(
          'p',
          { class: 'form-error', role: 'alert' },
          `Could not load the leaderboard: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    } finally {
      result.setAttribute('aria-busy', 'false');
    }
  }
  await load();
}

start().catch((e: unknown) => message(`Something went wrong: ${e instanceof Error ? e.message : String(e)}`));
sessionItem.watch(() => location.reload());
