import { i18n } from '#i18n';
import { num, nums } from './format.ts';

export interface Series {
  label: string;
  /** One bar's figure in words, for its tooltip: "12 thanks". */
  count(n: number): string;
  /** A CSS colour class: series-1, series-2. */
  className: string;
  values: number[];
}

const width = 1000;
const height = 200;
const pad = { top: 12, bottom: 24, left: 32, right: 8 };

/**
 * Bars per week for one or two series, labelled for screen readers (the numbers are one click away as
 * CSV). Plain SVG that scales to its box: no chart library.
 */
export function BarChart({
  id,
  title,
  labels,
  series,
}: {
  id: string;
  title: string;
  labels: string[];
  series: Series[];
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (width - pad.left - pad.right) / Math.max(1, labels.length);
  const barWidth = Math.max(2, (slot * 0.7) / series.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const every = Math.ceil(labels.length / 8);
  // "Thanks per week. Received: 3, 5, 7. Resolved: 2, 4, 6": each series a sentence after the title.
  const summary = series.reduce(
    (text, s) =>
      i18n.t('leaderboard.chart.label', [text, i18n.t('leaderboard.chart.series', [s.label, nums(s.values)])]),
    title,
  );
  return (
    <figure class="chart" id={id}>
      <figcaption>
        {title}{' '}
        {series.map((s) => (
          <span key={s.label} class={`legend ${s.className}`}>
            {s.label}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
        {[0, 0.5, 1].map((f) => {
          const v = Math.round(max * f);
          return (
            <g key={f}>
              <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} class="grid" />
              <text x={pad.left - 6} y={y(v) + 4} text-anchor="end" class="tick">
                {num(v)}
              </text>
            </g>
          );
        })}
        {series.flatMap((s, si) =>
          s.values.map((v, i) => (
            <rect
              key={`${s.label}-${labels[i]}`}
              class={s.className}
              x={pad.left + i * slot + slot * 0.15 + si * barWidth}
              y={y(v)}
              width={barWidth}
              height={Math.max(0, height - pad.bottom - y(v))}
              rx={2}
            >
              <title>{i18n.t('leaderboard.chart.bar', [labels[i], s.count(v)])}</title>
            </rect>
          )),
        )}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l} x={pad.left + i * slot + slot / 2} y={height - 6} text-anchor="middle" class="tick">
              {l}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
