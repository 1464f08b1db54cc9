import { i18n } from '#i18n';
import type { PulseAdminApi } from '../../utils/pulse-api.ts';
import { num } from './format.ts';
import { PulseDepartmentCard } from './pulse-department.tsx';
import { useView, type ViewEvents } from './use-view.ts';

interface Props extends ViewEvents {
  api: PulseAdminApi;
  pulseId: string;
}

/** One pulse's results, department by department, under the rule that decides what may be shown. */
export function PulseResultsView(props: Props) {
  const { api, pulseId } = props;
  const data = useView(() => api.results(pulseId), pulseId, props);
  if (!data) return null;
  return (
    <div class="pulse-results" id="pulse-results">
      <p class="table-caption" id="pulse-rule">
        {i18n.t('leaderboard.pulses.rule', [num(data.threshold)])}
      </p>
      {data.departments.map((d) => (
        <PulseDepartmentCard key={d.departmentId} api={api} pulse={data.pulse} result={d} threshold={data.threshold} />
      ))}
    </div>
  );
}
