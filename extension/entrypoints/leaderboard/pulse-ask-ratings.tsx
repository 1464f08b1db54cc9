import { i18n } from '#i18n';
import type { DepartmentPulseResult } from '../../utils/pulse-api.ts';
import { instantDay, num, score } from './format.ts';
import { dimensionName } from './pulse-gap-chart.tsx';

type Ratings = DepartmentPulseResult['askRatings'];

/**
 * The per-ask ratings (1–5, after each served ask) of the same department over the 13 weeks up to the pulse's close:
 * what people said of single asks, beside what they say of the department as a whole.
 */
export function AskRatingsBeside({ ratings: r }: { ratings: Ratings }) {
  const range = i18n.t('leaderboard.format.dayRange', [instantDay(r.from), instantDay(r.to)]);
  if (!r.rated) {
    return <p class="pulse-beside">{i18n.t('leaderboard.pulses.besideNone', [range])}</p>;
  }
  const parts = [
    i18n.t('leaderboard.pulses.besideRated', r.rated, [num(r.rated)]),
    i18n.t('leaderboard.pulses.besideOverall', [score(r.overall)]),
    ...(['communication', 'responsiveness', 'quality'] as const).map((d) =>
      i18n.t('leaderboard.pulses.besideDimension', [dimensionName(d), score(r[d])]),
    ),
  ];
  return (
    <p class="pulse-beside">
      <strong>{i18n.t('leaderboard.pulses.beside', [range])}</strong> {parts.join(' · ')}
    </p>
  );
}
