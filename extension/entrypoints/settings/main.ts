import '../../components/theme.css';
import './style.css';
import { PanelRight, Settings } from 'lucide';
import { browser } from 'wxt/browser';
import { h, replace } from '../../components/h.ts';
import { icon } from '../../components/icon.ts';
import { roleLabel } from '../../components/person-form.ts';
import { settingsPage } from '../../components/settings-page.ts';
import { openPanel } from '../../utils/side-panel.ts';
import { type StoredSession, sessionItem } from '../../utils/storage.ts';

const app = document.getElementById('app')!;
/** Why the page is signed out, said once on the signed-out view. */
let notice: string | null = null;

// Known before any click, so the click handler can open the panel synchronously (inside the gesture).
let windowId: number | undefined;
browser.windows
  .getCurrent()
  .then((w) => {
    windowId = w.id;
  })
  .catch((e: unknown) => console.warn('[tandem] [settings] no current window', e));

const openPanelButton = () =>
  h(
    'button',
    { type: 'button', class: 'ghost', onclick: () => openPanel({ windowId }) },
    icon(PanelRight),
    h('span', null, 'Open Tandem panel'),
  );

function header(session: StoredSession | null) {
  const me = session?.me;
  return h(
    'header',
    { class: 'page-header' },
    h(
      'div',
      null,
      h('h1', null, icon(Settings, 20), h('span', null, 'Settings')),
      me
        ? h(
            'p',
            { class: 'hint', id: 'settings-who' },
            `${me.person.name} · ${me.org.name} · ${roleLabel[me.person.role]}`,
          )
        : null,
    ),
    openPanelButton(),
  );
}

function render(session: StoredSession | null) {
  if (!session) {
    const said = notice;
    notice = null;
    // Filled after the live region is in the page, so screen readers announce it.
    const status = h('p', { class: 'status', role: 'status', id: 'settings-signed-out-status' });
    setTimeout(() => {
      status.textContent = said ?? '';
    }, 100);
    replace(
      app,
      header(null),
      h(
        'main',
        { class: 'signed-out', id: 'content' },
        status,
        h(
          'p',
          { class: 'notice', id: 'settings-signed-out' },
          'You are not signed in. Open the Tandem panel and sign in there, then come back to this page.',
        ),
      ),
    );
    return;
  }
  const page = settingsPage(session, {
    signedOut: (text) => {
      notice = text;
      sessionItem
        .setValue(null)
        .catch((e: unknown) => console.error('[tandem] [settings] could not clear the session', e));
    },
  });
  replace(app, header(session), page.el);
}

/** Re-render only when who is signed in changes, not when the panel refreshes their details. */
let shown: string | undefined;
function update(session: StoredSession | null) {
  const key = session ? `${session.serverUrl} ${session.token} ${session.me.person.role}` : '';
  if (key === shown) return;
  shown = key;
  render(session);
}

sessionItem
  .getValue()
  .then(update)
  .catch((e: unknown) => console.error('[tandem] [settings] could not read the session', e));
sessionItem.watch(update);
