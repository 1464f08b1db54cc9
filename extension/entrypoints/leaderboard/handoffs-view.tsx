import { i18n } from '#i18n';
import type { HandoffsResult } from '../../utils/api.ts';
import { DataTable } from './data-table.tsx';
import { num, rangeText, time } from './format.ts';
import { HandoffCauses } from './handoff-causes.tsx';
import { Heatmap } from './heatmap.tsx';
import { useView, type ViewProps } from './use-view.ts';

type Cell = HandoffsResult['cells'][number];

/** Who relies on whom: requester's department × serving department, as a heatmap and a table, and what broke. */
export function HandoffsView(props: ViewProps) {
  const { client, filters } = props;
  const data = useView(() => client.handoffs(filters), JSON.stringify(filters), props);
  const label = i18n.t('leaderboard.app.handoffs');
  if (!data) return <section class="view" id="handoffs-view" aria-label={label} />;
  const names = new Map(data.departments.map((d) => [d.id, d.name]));
  const name = (id: string) =>
    id ? (names.get(id) ?? i18n.t('leaderboard.handoffs.unknown')) : i18n.t('leaderboard.handoffs.noDepartment');
  const cells = new Map(data.cells.map((c) => [`${c.from} ${c.to}`, c]));
  const requesters = [...new Set(data.cells.map((c) => c.from))]
    .map((id) => ({ id, name: name(id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const servers = data.departments.filter((d) => data.cells.some((c) => c.to === d.id));
  const rows = [...data.cells].sort((a, b) => b.arrivals - a.arrivals);
  // One sentence with several counts: the count with a noun comes in as its own plural phrase.
  const detail = (from: string, to: string, c: Cell) =>
    i18n.t('leaderboard.handoffs.detail', [
      name(from),
      name(to),
      i18n.t('leaderboard.handoffs.asks', c.arrivals, [num(c.arrivals)]),
      num(c.resolved),
      time(c.medianMs),
      num(c.forwards),
      num(c.bounces),
    ]);
  const empty = i18n.t('leaderboard.handoffs.empty');
  return (
    <section class="view" id="handoffs-view" aria-label={label}>
      <section class="card" aria-labelledby="heatmap-title">
        <div class="card-header">
          <h2 id="heatmap-title">{i18n.t('leaderboard.handoffs.heatmapTitle')}</h2>
        </div>
        {data.cells.length ? (
          <Heatmap
            id="handoff-heatmap"
            title={i18n.t('leaderboard.handoffs.heatmapCaption', [rangeText(data.range)])}
            rows={requesters}
            columns={servers}
            value={(from, to) => {
              const c = cells.get(`${from} ${to}`);
              return c ? { n: c.arrivals, detail: detail(from, to, c) } : null;
            }}
          />
        ) : (
          <p class="empty">{empty}</p>
        )}
      </section>
      <DataTable<Cell>
        id="handoff-table"
        title={label}
        caption={i18n.t('leaderboard.handoffs.caption')}
        columns={[
          { label: i18n.t('leaderboard.handoffs.askedBy'), cell: (c) => name(c.from), rowHeader: true },
          { label: i18n.t('leaderboard.handoffs.servedBy'), cell: (c) => name(c.to), data: true },
          { label: i18n.t('leaderboard.handoffs.asksColumn'), cell: (c) => c.arrivals, num: true },
          { label: i18n.t('leaderboard.common.resolved'), cell: (c) => c.resolved, num: true },
          { label: i18n.t('leaderboard.handoffs.medianTime'), cell: (c) => time(c.medianMs), csv: (c) => c.medianMs },
          { label: i18n.t('leaderboard.common.forwarded'), cell: (c) => c.forwards, num: true },
          { label: i18n.t('leaderboard.common.bounced'), cell: (c) => c.bounces, num: true },
        ]}
        rows={rows}
        empty={empty}
        file={`tandem-handoffs-${data.range.label}`}
        show={12}
      />
      <HandoffCauses data={data} name={name} />
    </section>
  );
}
