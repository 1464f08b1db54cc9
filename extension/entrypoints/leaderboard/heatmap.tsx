import { i18n } from '#i18n';
import { num } from './format.ts';

interface HeatmapProps {
  id: string;
  title: string;
  rows: { id: string; name: string }[];
  columns: { id: string; name: string }[];
  value: (row: string, column: string) => { n: number; detail: string } | null;
}

/** A matrix of counts as a heatmap: the darker the cell, the more of it. Wide ones scroll in their box. */
export function Heatmap({ id, title, rows, columns, value }: HeatmapProps) {
  const max = Math.max(1, ...rows.flatMap((r) => columns.map((c) => value(r.id, c.id)?.n ?? 0)));
  return (
    <>
      <p class="table-caption" id={`${id}-caption`}>
        {title}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard scrolls a wide table through its box */}
      <section class="table-scroll" tabIndex={0} aria-label={title}>
        {/* Wide enough for every department's name: a narrow screen scrolls the box instead of squeezing it. */}
        <table
          class="heatmap"
          id={id}
          aria-describedby={`${id}-caption`}
          style={{ minWidth: `${180 + columns.length * 84}px` }}
        >
          <thead>
            <tr>
              <th scope="col">{i18n.t('leaderboard.heatmap.corner')}</th>
              {columns.map((c) => (
                <th key={c.id} scope="col" class="rotate" translate={false}>
                  <span>{c.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row" translate={false}>
                  {r.name}
                </th>
                {columns.map((c) => {
                  const v = value(r.id, c.id);
                  const level = v ? Math.ceil((v.n / max) * 5) : 0;
                  return (
                    <td
                      key={c.id}
                      class={`heat heat-${level}`}
                      title={v ? v.detail : i18n.t('leaderboard.heatmap.none')}
                    >
                      {v ? num(v.n) : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
