import '../../components/theme.css';
import './style.css';
import { replace } from '../../components/h.ts';
import { signedInView } from '../../components/signed-in.ts';
import { ApiProblem, api } from '../../utils/api.ts';
import { mark } from '../../utils/marks.ts';
import {
  type ComposeIntent,
  composeIntentItem,
  lastServerItem,
  pageContextItem,
  type StoredSession,
  sessionItem,
} from '../../utils/storage.ts';
import { signInView } from './sign-in.tsx';

const app = document.getElementById('app')!;
let unwatchContext: (() => void) | null = null;
let unwatchIntent: (() => void) | null = null;
let current: ReturnType<typeof signedInView> | null = null;
/** Why the person was signed out, shown once on the sign-in form. */
let signOutNotice: string | null = null;

/** The server no longer accepts the token (revoked, expired): forget it and say why. */
function sessionEnded() {
  signOutNotice = 'Your session has ended. Sign in again.';
  void sessionItem.setValue(null);
}

function leave() {
  unwatchContext?.();
  unwatchContext = null;
  unwatchIntent?.();
  unwatchIntent = null;
  current?.dispose();
  current = null;
}

async function showSignIn() {
  const notice = signOutNotice;
  signOutNotice = null;
  leave();
  const view = signInView(await lastServerItem.getValue(), notice, (serverUrl, { token, ...me }) => {
    Promise.all([lastServerItem.setValue(serverUrl), sessionItem.setValue({ serverUrl, token, me })]).catch(
      (e: unknown) => console.error('[tandem] [sidepanel] could not store the session', e),
    );
  });
  replace(app, view.el);
  view.focus();
}

function showSignedIn(session: StoredSession) {
  leave();
  const client = api(session);
  const signOut = () => {
    client
      .signOut()
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] server sign-out failed', e))
      .finally(() => void sessionItem.setValue(null));
  };
  const view = signedInView(session, { signOut, sessionEnded });
  current = view;
  replace(app, view.el);

  pageContextItem
    .getValue()
    .then((ctx) => view.composer.setPageContext(ctx))
    .catch((e: unknown) => console.warn('[tandem] [sidepanel] page context unavailable', e));
  unwatchContext = pageContextItem.watch((ctx) => view.composer.setPageContext(ctx));

  // A shortcut or context-menu click asked for the composer: apply it once, then clear it so reopening
  // the panel later does not jump to the composer again. Kept while signed out: it applies after sign-in.
  const applyIntent = (intent: ComposeIntent | null) => {
    if (!intent) return;
    view.startCompose(intent.mode);
    mark('composer-ready');
    composeIntentItem
      .setValue(null)
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] could not clear the compose intent', e));
  };
  composeIntentItem
    .getValue()
    .then(applyIntent)
    .catch((e: unknown) => console.warn('[tandem] [sidepanel] compose intent unavailable', e));
  unwatchIntent = composeIntentItem.watch(applyIntent);

  // Keep the person's details fresh (role, values, departments) without blocking the first paint.
  client
    .me()
    .then((fresh) => {
      if (JSON.stringify(fresh) !== JSON.stringify(session.me)) return sessionItem.setValue({ ...session, me: fresh });
    })
    .catch((e: unknown) => {
      if (e instanceof ApiProblem && e.status === 401) sessionEnded();
    });
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') current?.wake();
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
