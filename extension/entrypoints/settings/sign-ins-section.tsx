import { LogOut, MonitorSmartphone } from 'lucide';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../ui/icon.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import type { TokenItem } from '../../utils/api.ts';
import { dateWithRelative } from '../../utils/dates.ts';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';

/** Where the person is signed in; sign one out, or every one at once (after a confirmation). */
export function SignInsSection() {
  const { client, failed, signedOut } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const load = useCallback(() => client.tokens().then((r) => r.tokens), [client]);
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(`Could not load your sign-ins: ${reason(e)}`);
    },
    [failed, fail],
  );
  const tokens = useLoad(load, loadFailed);

  async function revoke(token: TokenItem) {
    try {
      await client.revokeToken(token.id);
      if (token.current) return signedOut('This browser is signed out. Sign in again from the Tandem panel.');
      say.ok(`Signed out “${token.label}”.`);
      await tokens.reload();
    } catch (e) {
      failed(e);
      say.fail(`Could not sign out: ${reason(e)}`);
    }
  }

  return (
    <section class="section" id="section-sign-ins" aria-labelledby="sign-ins-heading">
      <h2 id="sign-ins-heading" tabIndex={-1}>
        Your sign-ins
      </h2>
      <p class="lead">Browsers and clients signed in as you. Signing one out stops its access at once.</p>
      <Notices id="sign-ins" notice={say.notice} />
      <ul class="token-list" id="token-list" aria-labelledby="sign-ins-heading" aria-busy={tokens.busy || undefined}>
        {tokens.value?.length === 0 ? <li class="empty">No sign-ins.</li> : null}
        {tokens.value?.map((token) => (
          <TokenRow key={token.id} token={token} revoke={() => void revoke(token)} />
        ))}
      </ul>
      <SignOutEverywhere failed={(text) => say.fail(text)} />
    </section>
  );
}

function TokenRow({ token, revoke }: { token: TokenItem; revoke(): void }) {
  const textId = `token-${token.id}`;
  return (
    <li class="token">
      <span class="token-icon">
        <Icon node={MonitorSmartphone} size={20} />
      </span>
      <div class="token-text" id={textId}>
        <p class="token-label">
          <span>{token.label || 'Unnamed sign-in'}</span>
          {token.current ? <span class="pill">This browser</span> : null}
        </p>
        <p class="hint">Signed in {dateWithRelative(token.createdAt)}</p>
      </div>
      <button type="button" class="danger-ghost" aria-describedby={textId} onClick={revoke}>
        Sign out
      </button>
    </li>
  );
}

/** "Sign out everywhere", then a confirmation in its place: Cancel takes focus, and gives it back. */
function SignOutEverywhere({ failed: say }: { failed(text: string): void }) {
  const { client, failed, signedOut } = useSettings();
  const [confirming, setConfirming] = useState<'no' | 'yes' | 'back'>('no');
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming === 'yes') cancel.current?.focus();
    if (confirming === 'back') start.current?.focus();
  }, [confirming]);

  async function signOutEverywhere() {
    try {
      const { revoked } = await client.signOutEverywhere();
      signedOut(
        `Signed out everywhere (${revoked} ${revoked === 1 ? 'sign-in' : 'sign-ins'}). Sign in again from the Tandem panel.`,
      );
    } catch (e) {
      failed(e);
      setConfirming('no');
      say(`Could not sign out everywhere: ${reason(e)}`);
    }
  }

  return (
    <div class="section-footer">
      <button
        ref={start}
        type="button"
        id="sign-out-everywhere"
        class="danger-ghost"
        hidden={confirming === 'yes'}
        onClick={() => setConfirming('yes')}
      >
        <Icon node={LogOut} />
        <span>Sign out everywhere</span>
      </button>
      <fieldset
        class="confirm"
        id="sign-out-everywhere-confirm"
        hidden={confirming !== 'yes'}
        aria-label="Confirm sign out everywhere"
        aria-describedby="soe-q"
      >
        <p id="soe-q">Sign out of every browser and client, this one included? Each will need a new sign-in code.</p>
        <div class="actions">
          <button ref={cancel} type="button" onClick={() => setConfirming('back')}>
            Cancel
          </button>
          <button type="button" id="sign-out-everywhere-yes" class="danger" onClick={() => void signOutEverywhere()}>
            Yes, sign out everywhere
          </button>
        </div>
      </fieldset>
    </div>
  );
}
