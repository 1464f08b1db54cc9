import { Download } from 'lucide';
import { i18n } from '#i18n';
import { toCsv } from '../../../shared/csv.ts';
import { type PulseDimension, pulseScale } from '../../../shared/pulses.ts';
import { Icon } from '../../ui/icon.tsx';
import type { DepartmentPulseResult } from '../../utils/pulse-api.ts';
import { download } from './data-table.tsx';
import { score, signed } from './format.ts';

type Dimension = DepartmentPulseResult['dimensions'][number];

/** The dimensions' names, as the panel's card asks them. */
export const dimensionName = (d: PulseDimension) => i18n.t(`pulseCard.${d}`);

/** Where a value of the 1–7 scale sits on the track, as a CSS length. */
const at = (v: number) => `${(Math.min(7, Math.max(1, v)) - 1) * (100 / 6)}%`;

/** "5.8 ± 0.9": a mean with its spread (one standard deviation). */
const withSpread = (mean: number, spread: number) =>
  i18n.t('leaderboard.pulses.meanSpread', [score(mean), score(spread)]);

/** How many gave each value, for the row's tooltip: "1: 0 · 2: 1 · …". */
const countsText = (counts: number[]) => counts.map((n, i) => `${i + 1}: ${n}`).join(' · ');

/** The figures as a spreadsheet reads them: one row per dimension, the means, spreads, gap and every count. */
function saveCsv(file: string, dimensions: Dimension[]) {
  const header = [
    'dimension',
    'expectation',
    'expectation spread',
    'perception',
    'perception spread',
    'gap',
    ...pulseScale.map((v) => `expectation ${v}`),
    ...pulseScale.map((v) => `perception ${v}`),
  ];
  const rows = dimensions.map((d) => [
    d.dimension,
    d.expectation,
    d.expectationSpread,
    d.perception,
    d.perceptionSpread,
    d.gap,
    ...d.expectationCounts,
    ...d.perceptionCounts,
  ]);
  download(`${file}.csv`, 'text/csv', toCsv(header, rows));
}

/**
 * Expectation against perception per dimension: a table a screen reader reads, with a 1–7 track per row that
 * shows the two means, the gap between them (short of what matters in the warning colour) and the spread.
 */
export function GapChart({
  id,
  name,
  file,
  dimensions,
}: {
  id: string;
  name: string;
  file: string;
  dimensions: Dimension[];
}) {
  const title = i18n.t('leaderboard.pulses.gapTitle', [name]);
  return (
    <figure class="gap-chart" id={id}>
      <figcaption>
        <span id={`${id}-title`}>{title}</span>
        <span class="gap-legend" aria-hidden="true">
          <span class="legend-mark expectation">{i18n.t('leaderboard.pulses.expectation')}</span>
          <span class="legend-mark perception">{i18n.t('leaderboard.pulses.perception')}</span>
          <span class="legend-mark spread">{i18n.t('leaderboard.pulses.spreadLegend')}</span>
        </span>
        <button
          type="button"
          class="ghost"
          id={`${id}-csv`}
          aria-label={i18n.t('leaderboard.table.exportCsv', [title])}
          onClick={() => saveCsv(file, dimensions)}
        >
          <Icon node={Download} />
          <span>{i18n.t('leaderboard.table.csv')}</span>
        </button>
      </figcaption>
      <table aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">{i18n.t('leaderboard.pulses.dimension')}</th>
            <th scope="col" class="num">
              {i18n.t('leaderboard.pulses.expectation')}
            </th>
            <th scope="col" class="num">
              {i18n.t('leaderboard.pulses.perception')}
            </th>
            <th scope="col" class="num">
              {i18n.t('leaderboard.pulses.gap')}
            </th>
            <th scope="col" class="gap-scale">
              <span aria-hidden="true">1</span>
              <span aria-hidden="true">7</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((d) => {
            const low = Math.min(d.expectation, d.perception);
            const short = d.gap < 0;
            return (
              <tr key={d.dimension}>
                <th scope="row" data-label={i18n.t('leaderboard.pulses.dimension')}>
                  {dimensionName(d.dimension)}
                </th>
                <td
                  class="num"
                  data-label={i18n.t('leaderboard.pulses.expectation')}
                  title={countsText(d.expectationCounts)}
                >
                  {withSpread(d.expectation, d.expectationSpread)}
                </td>
                <td
                  class="num"
                  data-label={i18n.t('leaderboard.pulses.perception')}
                  title={countsText(d.perceptionCounts)}
                >
                  {withSpread(d.perception, d.perceptionSpread)}
                </td>
                <td class={`num gap-value${short ? ' short' : ''}`} data-label={i18n.t('leaderboard.pulses.gap')}>
                  {signed(d.gap)}
                </td>
                <td class="gap-visual" data-label="">
                  <span class="gap-track" aria-hidden="true">
                    <span
                      class="gap-spread"
                      style={{
                        left: at(d.perception - d.perceptionSpread),
                        right: `calc(100% - ${at(d.perception + d.perceptionSpread)})`,
                      }}
                    />
                    <span
                      class={`gap-line${short ? ' short' : ''}`}
                      style={{ left: at(low), width: `${(Math.abs(d.gap) * 100) / 6}%` }}
                    />
                    <span class="gap-mark expectation" style={{ left: at(d.expectation) }} />
                    <span class="gap-mark perception" style={{ left: at(d.perception) }} />
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="table-caption">{i18n.t('leaderboard.pulses.gapCaption')}</p>
    </figure>
  );
}
