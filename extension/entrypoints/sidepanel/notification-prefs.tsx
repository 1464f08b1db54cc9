import { ArrowLeft } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { type Api, ApiProblem, type NotificationPrefsResult } from '../../utils/api.ts';

type Prefs = NotificationPrefsResult;
type Kind = keyof Prefs['kinds'];
const kinds: Kind[] = ['newAsk', 'reply', 'resolved', 'thanks', 'atRisk'];
const kindLabel = (kind: Kind) => i18n.t(`notify.prefs.${kind}`);

/** The browser's own time zone: where the person is now. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every zone this browser knows, the chosen one included (even if the list lacks it). */
function zones(chosen: string): string[] {
  const all = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.includes(chosen) ? all : [chosen, ...all];
}

export interface NotificationPrefsProps {
  client: Api;
  close(): void;
  failed(e: unknown): void;
}

/**
 * The person's notification preferences, kept on the server (they follow the person to every browser):
 * each kind on or off, quiet hours in their time zone. Until they chose quiet hours, the time zone offered
 * is the browser's.
 */
export function NotificationPrefs({ client, close, failed }: NotificationPrefsProps) {
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [quietOn, setQuietOn] = useState(false);
  const [quiet, setQuiet] = useState({ start: '22:00', end: '07:00' });
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string }>({
    kind: 'idle',
  });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    client
      .notificationPrefs()
      .then((loaded) => {
        setPrefs(loaded.quietHours ? loaded : { ...loaded, timeZone: browserZone() });
        setQuietOn(loaded.quietHours !== null);
        if (loaded.quietHours) setQuiet(loaded.quietHours);
      })
      .catch((e: unknown) => {
        failed(e);
        setState({ kind: 'error', text: i18n.t('notify.prefs.loadFailed', [(e as Error).message]) });
      });
  }, [client]);

  const change = (next: Prefs) => {
    setPrefs(next);
    setState({ kind: 'idle' });
  };

  function save(event: Event) {
    event.preventDefault();
    if (!prefs) return;
    setState({ kind: 'saving' });
    client
      .setNotificationPrefs({ ...prefs, quietHours: quietOn ? quiet : null })
      .then((saved) => {
        setPrefs(saved);
        setState({ kind: 'saved' });
      })
      .catch((e: unknown) => {
        failed(e);
        const fields = e instanceof ApiProblem ? Object.values(e.fields).join(' ') : '';
        setState({ kind: 'error', text: i18n.t('notify.prefs.saveFailed', [fields || (e as Error).message]) });
      });
  }

  return (
    <section class="notify-prefs" aria-labelledby="notify-prefs-heading">
      <button type="button" class="ghost back" id="notify-prefs-back" onClick={close}>
        <Icon node={ArrowLeft} />
        <span>{i18n.t('notify.prefs.back')}</span>
      </button>
      <h2 id="notify-prefs-heading" tabIndex={-1} ref={heading}>
        {i18n.t('notify.prefs.title')}
      </h2>
      {prefs === null ? (
        state.kind === 'error' ? (
          <p class="form-error" role="alert">
            {state.text}
          </p>
        ) : (
          <p class="hint">{i18n.t('notify.prefs.loading')}</p>
        )
      ) : (
        <form class="notify-form" onSubmit={save}>
          <fieldset>
            <legend>{i18n.t('notify.prefs.kinds')}</legend>
            {kinds.map((kind) => (
              <label class="check" key={kind}>
                <input
                  type="checkbox"
                  name={kind}
                  checked={prefs.kinds[kind]}
                  onChange={(e) =>
                    change({ ...prefs, kinds: { ...prefs.kinds, [kind]: (e.target as HTMLInputElement).checked } })
                  }
                />
                <span>{kindLabel(kind)}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{i18n.t('notify.prefs.quiet')}</legend>
            <label class="check">
              <input
                type="checkbox"
                name="quiet"
                checked={quietOn}
                onChange={(e) => {
                  setQuietOn((e.target as HTMLInputElement).checked);
                  setState({ kind: 'idle' });
                }}
              />
              <span>{i18n.t('notify.prefs.quietOn')}</span>
            </label>
            <div class="notify-times">
              {(['start', 'end'] as const).map((end) => (
                <div class="field" key={end}>
                  <label for={`notify-${end}`}>
                    {i18n.t(end === 'start' ? 'notify.prefs.from' : 'notify.prefs.to')}
                  </label>
                  <input
                    id={`notify-${end}`}
                    type="time"
                    required={quietOn}
                    disabled={!quietOn}
                    value={quiet[end]}
                    onInput={(e) => {
                      setQuiet({ ...quiet, [end]: (e.target as HTMLInputElement).value });
                      setState({ kind: 'idle' });
                    }}
                  />
                </div>
              ))}
            </div>
            <div class="field">
              <label for="notify-zone">{i18n.t('notify.prefs.timeZone')}</label>
              <select
                id="notify-zone"
                value={prefs.timeZone}
                onChange={(e) => change({ ...prefs, timeZone: (e.target as HTMLSelectElement).value })}
              >
                {zones(prefs.timeZone).map((zone) => (
                  <option key={zone} value={zone}>
                    {zone.replaceAll('_', ' ')}
                  </option>
                ))}
              </select>
            </div>
            <p class="hint">{i18n.t('notify.prefs.quietHint')}</p>
          </fieldset>
          <div class="send-row">
            <p class="status" role="status">
              {state.kind === 'saved' ? i18n.t('notify.prefs.saved') : ''}
            </p>
            <button type="submit" class="primary" id="notify-save" disabled={state.kind === 'saving'}>
              {state.kind === 'saving' ? i18n.t('notify.prefs.saving') : i18n.t('notify.prefs.save')}
            </button>
          </div>
          {state.kind === 'error' ? (
            <p class="form-error" role="alert">
              {state.text}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
