import { PanelRight, Settings } from 'lucide';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { useSession } from '../../ui/use-session.ts';
import { openPanel } from '../../utils/side-panel.ts';
import { endSession, type StoredSession } from '../../utils/storage.ts';
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
  const session = useSession('settings');
  const [notice, setNotice] = useState<string | null>(null);
  const signedOut = useCallback((text: string) => {
    setNotice(text);
    endSession().catch((e: unknown) => console.error('[tandem] [settings] could not clear the session', e));
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
