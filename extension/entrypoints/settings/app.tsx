import { PanelRight, Settings } from 'lucide';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { openPanel } from '../../utils/side-panel.ts';
import { type StoredSession, sessionItem } from '../../utils/storage.ts';
import { roleLabel } from './roles.ts';
import { SettingsPage } from './settings-page.tsx';

// Known before any click, so the click handler can open the panel synchronously (inside the gesture).
let windowId: number | undefined;
browser.windows
  .getCurrent()
  .then((w) => {
    windowId = w.id;
  })
  .catch((e: unknown) => console.warn('[tandem] [settings] no current window', e));

/** Who is signed in changes the page; the panel refreshing their details does not. */
const sessionKey = (s: StoredSession | null) => (s ? `${s.serverUrl} ${s.token} ${s.me.person.role}` : '');

/** The settings page: signed in, its sections; signed out, why and where to sign in. */
export function App() {
  const [session, setSession] = useState<StoredSession | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let shown: string | undefined;
    const update = (s: StoredSession | null) => {
      const key = sessionKey(s);
      if (key === shown) return;
      shown = key;
      setSession(s);
    };
    sessionItem
      .getValue()
      .then(update)
      .catch((e: unknown) => console.error('[tandem] [settings] could not read the session', e));
    return sessionItem.watch(update);
  }, []);
  const signedOut = useCallback((text: string) => {
    setNotice(text);
    sessionItem
      .setValue(null)
      .catch((e: unknown) => console.error('[tandem] [settings] could not clear the session', e));
  }, []);
  if (session === undefined) return <Header session={null} />;
  return (
    <>
      <Header session={session} />
      {session ? (
        <SettingsPage key={sessionKey(session)} session={session} signedOut={signedOut} />
      ) : (
        <SignedOut notice={notice} />
      )}
    </>
  );
}

function Header({ session }: { session: StoredSession | null }) {
  const me = session?.me;
  return (
    <header class="page-header">
      <div>
        <h1>
          <Icon node={Settings} size={20} />
          <span>{i18n.t('settings.app.heading')}</span>
        </h1>
        {me ? (
          <p class="hint" id="settings-who">
            {i18n.t('settings.app.who', [me.person.name, me.org.name, roleLabel(me.person.role)])}
          </p>
        ) : null}
      </div>
      <button type="button" class="ghost" onClick={() => openPanel({ windowId })}>
        <Icon node={PanelRight} />
        <span>{i18n.t('settings.app.openPanel')}</span>
      </button>
    </header>
  );
}

function SignedOut({ notice }: { notice: string | null }) {
  // Said after the live region is in the page, so screen readers announce it.
  const [said, setSaid] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSaid(notice ?? ''), 100);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <main class="signed-out" id="content">
      <p class="status" role="status" id="settings-signed-out-status">
        {said}
      </p>
      <p class="notice" id="settings-signed-out">
        {i18n.t('settings.app.signedOut')}
      </p>
    </main>
  );
}
