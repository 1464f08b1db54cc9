import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { useManagedServer } from '../../ui/use-managed-server.ts';
import { useSession } from '../../ui/use-session.ts';
import { useStored } from '../../ui/use-stored.ts';
import { api } from '../../utils/api.ts';
import { endSession, lastServerItem, sessionItem } from '../../utils/storage.ts';
import type { SignInProps } from './sign-in.tsx';
import { SignedIn } from './signed-in.tsx';
import { useOpensComposing } from './use-quick-capture.ts';

const forget = () =>
  endSession().catch((e: unknown) => console.error('[tandem] [sidepanel] could not clear the session', e));

/** The side panel: the sign-in form, or the signed-in views for the stored session. */
export function App() {
  const session = useSession('sidepanel');
  const lastServer = useStored(lastServerItem, 'sidepanel');
  const managedServer = useManagedServer();
  const composing = useOpensComposing();
  /** Why the person was signed out, shown once on the sign-in form. */
  const [notice, setNotice] = useState<string | null>(null);
  const serverUrl = session?.serverUrl;
  const token = session?.token;
  const client = useMemo(() => (serverUrl && token ? api({ serverUrl, token }) : null), [serverUrl, token]);
  // The sign-in form (and company sign-in's PKCE) loads only when someone is signed out: a signed-in panel,
  // the usual one, does not carry it in its first paint.
  const [SignIn, setSignIn] = useState<FunctionComponent<SignInProps> | null>(null);
  const signedOut = session === null || (session !== undefined && !client);
  useEffect(() => {
    if (signedOut && !SignIn)
      import('./sign-in.tsx').then(
        (m) => setSignIn(() => m.SignIn),
        (e: unknown) => console.error('[tandem] [sidepanel] could not load the sign-in form', e),
      );
  }, [signedOut, SignIn]);

  const sessionEnded = useCallback(() => {
    setNotice('Your session has ended. Sign in again.');
    void forget();
  }, []);
  const signOut = useCallback(() => {
    setNotice(null);
    client
      ?.signOut()
      .catch((e: unknown) => console.warn('[tandem] [sidepanel] server sign-out failed', e))
      .finally(forget);
  }, [client]);

  if (session === undefined || lastServer === undefined || composing === undefined) return null;
  if (!session || !client) {
    // Only the sign-in form waits for the policy: a signed-in panel opens as fast as before.
    if (managedServer === undefined || !SignIn) return null;
    return (
      <SignIn
        defaultServer={lastServer}
        managedServer={managedServer}
        notice={notice}
        signedIn={(url, { token, ...me }) => {
          setNotice(null);
          Promise.all([lastServerItem.setValue(url), sessionItem.setValue({ serverUrl: url, token, me })]).catch(
            (e: unknown) => console.error('[tandem] [sidepanel] could not store the session', e),
          );
        }}
      />
    );
  }
  // Another sign-in starts the views afresh; fresher details of the same person keep them.
  return (
    <SignedIn
      key={token}
      session={session}
      composing={composing()}
      client={client}
      signOut={signOut}
      sessionEnded={sessionEnded}
    />
  );
}
