import { LogOut, MonitorSmartphone } from 'lucide';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import type { TokenItem } from '../../utils/api.ts';
import { dateWithRelative } from '../../utils/dates.ts';
import { num } from '../../utils/format.ts';
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
      fail(i18n.t('settings.signIns.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const tokens = useLoad(load, loadFailed);

  async function revoke(token: TokenItem) {
    try {
      await client.revokeToken(token.id);
      if (token.current) return signedOut(i18n.t('settings.signIns.signedOutHere'));
      say.ok(i18n.t('settings.signIns.signedOutOne', [token.label]));
      await tokens.reload();
    } catch (e) {
      failed(e);
      say.fail(i18n.t('settings.signIns.signOutFailed', [reason(e)]));
    }
  }

  return (
    <section class="section" id="section-sign-ins" aria-labelledby="sign-ins-heading">
      <h2 id="sign-ins-heading" tabIndex={-1}>
        {i18n.t('settings.signIns.heading')}
      </h2>
      <p class="lead">{i18n.t('settings.signIns.lead')}</p>
      <Notices id="sign-ins" notice={say.notice} />
      <ul class="token-list" id="token-list" aria-labelledby="sign-ins-heading" aria-busy={tokens.busy || undefined}>
        {tokens.value?.length === 0 ? <li class="empty">{i18n.t('settings.signIns.none')}</li> : null}
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
          {token.label ? (
            <span translate={false}>{token.label}</span>
          ) : (
            <span>{i18n.t('settings.signIns.unnamed')}</span>
          )}
          {token.current ? <span class="pill">{i18n.t('settings.signIns.thisBrowser')}</span> : null}
        </p>
        <p class="hint">{i18n.t('settings.signIns.signedInAt', [dateWithRelative(token.createdAt)])}</p>
      </div>
      <button type="button" class="danger-ghost" aria-describedby={textId} onClick={revoke}>
        {i18n.t('settings.signIns.signOut')}
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
      signedOut(i18n.t('settings.signIns.signedOutEverywhere', revoked, [num(revoked)]));
    } catch (e) {
      failed(e);
      setConfirming('no');
      say(i18n.t('settings.signIns.everywhereFailed', [reason(e)]));
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
        <span>{i18n.t('settings.signIns.everywhere')}</span>
      </button>
      <fieldset
        class="confirm"
        id="sign-out-everywhere-confirm"
        hidden={confirming !== 'yes'}
        aria-label={i18n.t('settings.signIns.confirmLabel')}
        aria-describedby="soe-q"
      >
        <p id="soe-q">{i18n.t('settings.signIns.confirmQuestion')}</p>
        <div class="actions">
          <button ref={cancel} type="button" onClick={() => setConfirming('back')}>
            {i18n.t('settings.common.cancel')}
          </button>
          <button type="button" id="sign-out-everywhere-yes" class="danger" onClick={() => void signOutEverywhere()}>
            {i18n.t('settings.signIns.confirmYes')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
