import type { HandoffsResult } from '../../utils/api.ts';
import { DataTable } from './data-table.tsx';
import { rangeText, time } from './format.ts';
import { Heatmap } from './heatmap.tsx';
import { useView, type ViewProps } from './use-view.ts';

type Cell = HandoffsResult['cells'][number];

/** Who relies on whom: requester's department × serving department, as a heatmap and as a table. */
export function HandoffsView(props: ViewProps) {
  const { client, filters } = props;
  const data = useView(() => client.handoffs(filters), JSON.stringify(filters), props);
  if (!data) return <section class="view" id="handoffs-view" aria-label="Hand-offs" />;
  const names = new Map(data.departments.map((d) => [d.id, d.name]));
  const name = (id: string) => (id ? (names.get(id) ?? 'Unknown') : 'No department');
  const cells = new Map(data.cells.map((c) => [`${c.from} ${c.to}`, c]));
  const requesters = [...new Set(data.cells.map((c) => c.from))]
    .map((id) => ({ id, name: name(id) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const servers = data.departments.filter((d) => data.cells.some((c) => c.to === d.id));
  const rows = [...data.cells].sort((a, b) => b.arrivals - a.arrivals);
  const detail = (from: string, to: string, c: Cell) =>
    `${name(from)} → ${name(to)}: ${c.arrivals} asks, ${c.resolved} resolved, median ${time(c.medianMs)}, ${c.forwards} forwarded, ${c.bounces} bounced back`;
  return (
    <section class="view" id="handoffs-view" aria-label="Hand-offs">
      <section class="card" aria-labelledby="heatmap-title">
        <div class="card-header">
          <h2 id="heatmap-title">Who relies on whom</h2>
        </div>
        {data.cells.length ? (
          <Heatmap
            id="handoff-heatmap"
            title={`${rangeText(data.range)}. Asks reaching each serving department, by the requester's department.`}
            rows={requesters}
            columns={servers}
            value={(from, to) => {
              const c = cells.get(`${from} ${to}`);
              return c ? { n: c.arrivals, detail: detail(from, to, c) } : null;
            }}
          />
        ) : (
          <p class="empty">No asks between departments in this period.</p>
        )}
      </section>
      <DataTable<Cell>
        id="handoff-table"
        title="Hand-offs"
        caption="Forwarded: passed on to another department. Bounced: came back to a department that had it before (A → B → A)."
        columns={[
          { label: 'Asked by', cell: (c) => name(c.from), rowHeader: true },
          { label: 'Served by', cell: (c) => name(c.to) },
          { label: 'Asks', cell: (c) => c.arrivals, num: true },
          { label: 'Resolved', cell: (c) => c.resolved, num: true },
          { label: 'Median time', cell: (c) => time(c.medianMs), csv: (c) => c.medianMs },
          { label: 'Forwarded', cell: (c) => c.forwards, num: true },
          { label: 'Bounced', cell: (c) => c.bounces, num: true },
        ]}
        rows={rows}
        empty="No asks between departments in this period."
        file={`tandem-handoffs-${data.range.label}`}
        show={12}
      />
    </section>
  );
}
