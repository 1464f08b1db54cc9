import { i18n } from '#i18n';
import { pulseDimensions } from '../../../shared/pulses.ts';
import type { DepartmentPulseResult } from '../../utils/pulse-api.ts';
import { instantDay, num, signed } from './format.ts';
import { dimensionName } from './pulse-gap-chart.tsx';

type Point = DepartmentPulseResult['history'][number];

/** The gap per dimension over the department's closed pulses with enough answers, oldest first. */
export function GapHistory({ id, history }: { id: string; history: Point[] }) {
  if (history.length < 2) {
    return <p class="pulse-beside">{i18n.t('leaderboard.pulses.historyFirst')}</p>;
  }
  return (
    <section class="pulse-history" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{i18n.t('leaderboard.pulses.historyTitle')}</h3>
      <table id={id} aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">{i18n.t('leaderboard.pulses.closed')}</th>
            <th scope="col" class="num">
              {i18n.t('leaderboard.pulses.respondents')}
            </th>
            {pulseDimensions.map((d) => (
              <th key={d} scope="col" class="num">
                {dimensionName(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr key={h.pulseId}>
              <th scope="row" data-label={i18n.t('leaderboard.pulses.closed')}>
                {instantDay(h.closesAt)}
              </th>
              <td class="num" data-label={i18n.t('leaderboard.pulses.respondents')}>
                {num(h.respondents)}
              </td>
              {pulseDimensions.map((d) => (
                <td key={d} class={`num${h.gaps[d] < 0 ? ' short' : ''}`} data-label={dimensionName(d)}>
                  {signed(h.gaps[d])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
