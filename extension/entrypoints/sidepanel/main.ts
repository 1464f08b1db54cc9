import '../../components/theme.css';
import './style.css';
import { LogOut, Trophy } from 'lucide';
import { browser } from 'wxt/browser';
import { composer } from '../../components/composer.ts';
import { h, replace } from '../../components/h.ts';
import { icon } from '../../components/icon.ts';
import { inboxView } from '../../components/inbox.ts';
import { signInView } from '../../components/sign-in.ts';
import { ApiProblem, api } from '../../utils/api.ts';
import { lastServerItem, pageContextItem, type StoredSession, sessionItem } from '../../utils/storage.ts';

const app = document.getElementById('app')!;
let unwatchContext: (() => void) | null = null;
let refreshInbox: (() => Promise<void>) | null = null;
/** Why the person was signed out, shown once on the sign-in form. */
let signOutNotice: string | null = null;

/** The server no longer accepts the token (revoked, expired): forget it and say why. */
function sessionEnded() {
  signOutNotice = 'Your session has ended. Sign in again.';
  void sessionItem.setValue(null);
}

async function showSignIn() {
  const notice = signOutNotice;
  signOutNotice = null;
  unwatchContext?.();
  refreshInbox = null;
  const view = signInView(await lastServerItem.getValue(), notice, (serverUrl, { token, ...me }) => {
    Promise.all([lastServerItem.setValue(serverUrl), sessionItem.setValue({ serverUrl, token, me })]).catch(
      (e: unknown) => console.error('[tandem] [sidepanel] could not store the session', e),
    );
  });
  replace(app, view.el);
  view.focus();
}

function showSignedIn(session: StoredSession) {
  const { me } = session;
  const client = api(session);
  const manager = me.person.role === 'manager' || me.person.role === 'admin';

  const signOut = () => {
    client
      .signOut()
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] server sign-out failed', e))
      .finally(() => void sessionItem.setValue(null));
  };

  const inbox = inboxView(me, () => void refresh());
  const compose = composer(client, me, () => void refresh());

  async function refresh() {
    inbox.setLoading(true);
    try {
      inbox.render(await client.inbox());
      inbox.setError(null);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 401) return sessionEnded();
      inbox.setError(`Could not load the inbox: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      inbox.setLoading(false);
    }
  }

  const header = h(
    'header',
    { class: 'topbar' },
    h(
      'div',
      { class: 'who' },
      h('p', { class: 'who-name', id: 'me-name' }, me.person.name),
      h('p', { class: 'who-org', id: 'me-org' }, me.org.name),
    ),
    manager
      ? h(
          'button',
          {
            type: 'button',
            id: 'open-leaderboard',
            class: 'ghost',
            onclick: () => void browser.tabs.create({ url: browser.runtime.getURL('/leaderboard.html') }),
          },
          icon(Trophy),
          h('span', null, 'Leaderboard'),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        id: 'sign-out',
        class: 'icon-button',
        'aria-label': 'Sign out',
        title: 'Sign out',
        onclick: signOut,
      },
      icon(LogOut),
    ),
  );

  replace(app, header, h('h1', { class: 'sr-only' }, 'Tandem'), compose.el, inbox.el);

  unwatchContext?.();
  pageContextItem
    .getValue()
    .then((ctx) => compose.setPageContext(ctx))
    .catch((e: unknown) => console.warn('[tandem] [sidepanel] page context unavailable', e));
  unwatchContext = pageContextItem.watch((ctx) => compose.setPageContext(ctx));
  compose.focus();
  void refresh();

  // Keep the person's details fresh (role, values, departments) without blocking the first paint.
  client
    .me()
    .then((fresh) => {
      if (JSON.stringify(fresh) !== JSON.stringify(me)) return sessionItem.setValue({ ...session, me: fresh });
    })
    .catch((e: unknown) => {
      if (e instanceof ApiProblem && e.status === 401) sessionEnded();
    });

  refreshInbox = refresh;
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void refreshInbox?.();
});

function render(session: StoredSession | null) {
  if (session) showSignedIn(session);
  else void showSignIn();
}

sessionItem
  .getValue()
  .then(render)
  .catch((e: unknown) => console.error('[tandem] [sidepanel] could not read the session', e));
sessionItem.watch((session) => render(session));
