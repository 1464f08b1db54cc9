import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { reason } from '../../ui/notices.tsx';
import type { PulseAdminApi, PulseItem } from '../../utils/pulse-api.ts';
import { instantDay, num } from './format.ts';

interface Props {
  pulse: PulseItem;
  api: PulseAdminApi;
  /** Managers and admins may close it or change its repeat. */
  mayChange: boolean;
  changed(p: PulseItem): void;
}

const audienceText = (p: PulseItem) =>
  p.audience.kind === 'everyone'
    ? i18n.t('leaderboard.pulses.audienceEveryone')
    : i18n.t('leaderboard.pulses.audienceAsked', [num(p.audience.days)]);

/** Where the chosen pulse stands (open until, or closed on; who was asked; its repeat), with what may be done. */
export function PulseState({ pulse, api, mayChange, changed }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (call: () => Promise<PulseItem>) => {
    setBusy(true);
    setError('');
    try {
      changed(await call());
      setConfirming(false);
    } catch (e) {
      setError(i18n.t('leaderboard.pulses.changeFailed', [reason(e)]));
    } finally {
      setBusy(false);
    }
  };
  const open = pulse.state === 'open';
  const lines = [
    open
      ? i18n.t('leaderboard.pulses.stateOpen', [instantDay(pulse.closesAt)])
      : i18n.t('leaderboard.pulses.stateClosed', [instantDay(pulse.closesAt)]),
    audienceText(pulse),
    pulse.repeat === 'quarterly' ? i18n.t('leaderboard.pulses.quarterly', [num(pulse.round)]) : '',
  ].filter(Boolean);
  return (
    <div class="pulse-state" id="pulse-state">
      <p>{lines.join(' · ')}</p>
      {mayChange ? (
        <div class="pulse-state-actions">
          {open && !confirming ? (
            <button type="button" id="close-pulse" disabled={busy} onClick={() => setConfirming(true)}>
              {i18n.t('leaderboard.pulses.close')}
            </button>
          ) : null}
          {confirming ? (
            <>
              <span id="close-pulse-question">{i18n.t('leaderboard.pulses.closeQuestion')}</span>
              <button
                type="button"
                id="close-pulse-confirm"
                class="danger"
                disabled={busy}
                aria-describedby="close-pulse-question"
                onClick={() => run(() => api.close(pulse.id))}
              >
                {i18n.t('leaderboard.pulses.closeConfirm')}
              </button>
              <button type="button" class="ghost" onClick={() => setConfirming(false)}>
                {i18n.t('leaderboard.pulses.cancel')}
              </button>
            </>
          ) : null}
          {pulse.repeat === 'quarterly' && !confirming ? (
            <button
              type="button"
              class="ghost"
              id="stop-repeat"
              disabled={busy}
              onClick={() => run(() => api.setRepeat(pulse.id, 'none'))}
            >
              {i18n.t('leaderboard.pulses.stopRepeat')}
            </button>
          ) : null}
        </div>
      ) : null}
      <p class="form-error" role="alert" hidden={!error}>
        {error}
      </p>
    </div>
  );
}
