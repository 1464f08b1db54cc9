import { Plus } from 'lucide';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Department } from '../../../shared/people.ts';
import { Icon } from '../../ui/icon.tsx';
import type { PulseAdminApi, PulseItem } from '../../utils/pulse-api.ts';
import { instantDay as dayText } from './format.ts';
import { PulseOpenForm } from './pulse-open-form.tsx';
import { PulseResultsView } from './pulse-results-view.tsx';
import { PulseState } from './pulse-state.tsx';
import { useView, type ViewEvents } from './use-view.ts';

interface Props extends ViewEvents {
  pulses: PulseAdminApi;
  departments: Department[];
  /** Managers and admins open and close pulses; a department's members only read their results. */
  mayOpen: boolean;
}

/** The pulse a link asked for (`leaderboard.html#pulse=<id>`, from the panel's "results are in" card). */
export const linkedPulse = () => new URLSearchParams(location.hash.slice(1)).get('pulse');

/** A pulse as the chooser names it: its departments, and when it closes or closed. */
function pulseName(p: PulseItem) {
  const names = p.departments.map((d) => d.name).join(', ');
  const when = dayText(p.closesAt);
  return p.state === 'open'
    ? i18n.t('leaderboard.pulses.openName', [names, when])
    : i18n.t('leaderboard.pulses.closedName', [names, when]);
}

/**
 * Department pulses: choose one (the newest closed first, where results can be), read its results; managers open
 * new ones and close or stop them.
 */
export function PulsesView(props: Props) {
  const { pulses: api, departments, mayOpen } = props;
  const [version, setVersion] = useState(0);
  const [chosen, setChosen] = useState<string | null>(linkedPulse);
  const [opening, setOpening] = useState(false);
  const data = useView(() => api.list(), String(version), props);
  const label = i18n.t('leaderboard.app.pulses');
  if (!data) return <section class="view" id="pulses-view" aria-label={label} />;
  const list = data.pulses;
  const current =
    list.find((p) => p.id === chosen) ?? list.find((p) => p.state === 'closed') ?? (list[0] as PulseItem | undefined);
  const changed = (p: PulseItem) => {
    setChosen(p.id);
    setVersion((v) => v + 1);
  };
  return (
    <section class="view" id="pulses-view" aria-label={label}>
      <div class="controls pulse-controls">
        {list.length ? (
          <div class="control">
            <label for="pulse-choice">{i18n.t('leaderboard.pulses.choose')}</label>
            <select id="pulse-choice" value={current?.id} onChange={(e) => setChosen(e.currentTarget.value)}>
              {list.map((p) => (
                <option key={p.id} value={p.id} translate={false}>
                  {pulseName(p)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {mayOpen && !opening ? (
          <button type="button" id="open-pulse" onClick={() => setOpening(true)}>
            <Icon node={Plus} />
            <span>{i18n.t('leaderboard.pulses.open')}</span>
          </button>
        ) : null}
      </div>
      {opening ? (
        <PulseOpenForm
          api={api}
          departments={departments}
          done={(opened) => {
            setOpening(false);
            if (opened) changed(opened);
          }}
        />
      ) : null}
      {current ? (
        <>
          <PulseState pulse={current} api={api} mayChange={mayOpen} changed={changed} />
          <PulseResultsView key={`${current.id} ${version}`} api={api} pulseId={current.id} {...props} />
        </>
      ) : opening ? null : (
        <p class="empty card" id="pulses-empty">
          {i18n.t(mayOpen ? 'leaderboard.pulses.none' : 'leaderboard.pulses.noneForMember')}
        </p>
      )}
    </section>
  );
}
