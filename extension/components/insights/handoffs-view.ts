import type { Api, HandoffsResult } from '../../utils/api.ts';
import { h, replace } from '../h.ts';
import { heatmap } from './charts.ts';
import { dataTable } from './data-table.ts';
import { rangeText, time } from './format.ts';
import type { Filters } from './period-controls.ts';

type Cell = HandoffsResult['cells'][number];

/** Who relies on whom: requester's department × serving department, as a heatmap and as a table. */
export function handoffsView(client: Api) {
  const body = h('div', { class: 'view' });
  const el = h('section', { class: 'view', id: 'handoffs-view', 'aria-label': 'Hand-offs', hidden: true }, body);

  async function load(f: Filters) {
    const data = await client.handoffs(f);
    const names = new Map(data.departments.map((d) => [d.id, d.name]));
    const name = (id: string) => (id ? (names.get(id) ?? 'Unknown') : 'No department');
    const cells = new Map(data.cells.map((c) => [`${c.from} ${c.to}`, c]));
    const requesters = [...new Set(data.cells.map((c) => c.from))]
      .map((id) => ({ id, name: name(id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const servers = data.departments.filter((d) => data.cells.some((c) => c.to === d.id));
    const rows = [...data.cells].sort((a, b) => b.arrivals - a.arrivals);
    replace(
      body,
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'heatmap-title' },
        h('div', { class: 'card-header' }, h('h2', { id: 'heatmap-title' }, 'Who relies on whom')),
        data.cells.length
          ? heatmap({
              id: 'handoff-heatmap',
              title: `${rangeText(data.range)}. Asks reaching each serving department, by the requester's department.`,
              rows: requesters,
              columns: servers,
              value: (from, to) => {
                const c = cells.get(`${from} ${to}`);
                return c
                  ? {
                      n: c.arrivals,
                      detail: `${name(from)} → ${name(to)}: ${c.arrivals} asks, ${c.resolved} resolved, median ${time(c.medianMs)}, ${c.forwards} forwarded, ${c.bounces} bounced back`,
                    }
                  : null;
              },
            })
          : h('p', { class: 'empty' }, 'No asks between departments in this period.'),
      ),
      dataTable<Cell>({
        id: 'handoff-table',
        title: 'Hand-offs',
        caption:
          'Forwarded: passed on to another department. Bounced: came back to a department that had it before (A → B → A).',
        columns: [
          { label: 'Asked by', cell: (c) => name(c.from), rowHeader: true },
          { label: 'Served by', cell: (c) => name(c.to) },
          { label: 'Asks', cell: (c) => c.arrivals, num: true },
          { label: 'Resolved', cell: (c) => c.resolved, num: true },
          { label: 'Median time', cell: (c) => time(c.medianMs), csv: (c) => c.medianMs },
          { label: 'Forwarded', cell: (c) => c.forwards, num: true },
          { label: 'Bounced', cell: (c) => c.bounces, num: true },
        ],
        rows,
        empty: 'No asks between departments in this period.',
        file: `tandem-handoffs-${data.range.label}`,
        show: 12,
      }),
    );
  }

  return { el, load };
}
