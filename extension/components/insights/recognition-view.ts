import type { Api, LeaderboardResult, UnsungResult } from '../../utils/api.ts';
import { h, replace } from '../h.ts';
import { toggleGroup } from '../toggle-group.ts';
import { barChart } from './charts.ts';
import { barCell, type Column, dataTable } from './data-table.ts';
import { rangeText } from './format.ts';
import type { Filters } from './period-controls.ts';

type Row = LeaderboardResult['rows'][number];
type Kind = 'person' | 'department';
type Direction = 'received' | 'given';

/** Recognition: who is thanked (or thanks), week by week, and who serves much and is rarely thanked. */
export function recognitionView(client: Api) {
  let kind: Kind = 'person';
  let direction: Direction = 'received';
  let filters: Filters | null = null;
  const reload = () => filters && void load(filters);
  const kinds = toggleGroup<Kind>(
    'div',
    'Show',
    'segmented',
    [
      { key: 'person', label: 'People', id: 'show-people' },
      { key: 'department', label: 'Departments', id: 'show-departments' },
    ],
    kind,
    (k) => {
      kind = k;
      if (k === 'department') directions.select('received');
      direction = directions.selected();
      directions.setHidden('given', k === 'department');
      reload();
    },
  );
  const directions = toggleGroup<Direction>(
    'div',
    'Thanks',
    'segmented',
    [
      { key: 'received', label: 'Received', id: 'show-received' },
      { key: 'given', label: 'Given', id: 'show-given' },
    ],
    direction,
    (d) => {
      direction = d;
      reload();
    },
  );
  const trend = h('div');
  const board = h('div');
  const unsung = h('div');
  const el = h(
    'section',
    { class: 'view', id: 'recognition-view', 'aria-label': 'Recognition' },
    trend,
    h('div', { class: 'view-toggles' }, kinds.el, directions.el),
    board,
    unsung,
  );

  async function load(f: Filters) {
    filters = f;
    const query = { ...f, kind, direction, limit: '20' };
    const [rows, helpers, weeks] = await Promise.all([
      client.leaderboard(query),
      kind === 'person' ? client.unsung(f) : Promise.resolve(null),
      client.trends(12, f.departmentId),
    ]);
    replace(
      trend,
      barChart({
        id: 'thanks-trend',
        title: 'Thanks per week, last 12 weeks',
        labels: weeks.weeks.map((w) => w.week.slice(5)),
        series: [{ label: 'Thanks', className: 'series-1', values: weeks.weeks.map((w) => w.thanks) }],
      }),
    );
    replace(board, boardTable(rows));
    replace(unsung, helpers ? unsungTable(helpers) : null);
  }

  return { el, load };
}

function boardTable(board: LeaderboardResult): HTMLElement {
  const top = Math.max(1, ...board.rows.map((r) => r.received));
  const given = board.direction === 'given';
  const who = board.kind === 'person' ? 'People' : 'Departments';
  const columns: Column<Row>[] = [
    { label: 'Rank', cell: (r) => r.rank, num: true },
    { label: 'Name', cell: (r) => r.name, rowHeader: true },
    {
      label: given ? 'Thanks given' : 'Thanks received',
      cell: (r) => barCell(r.received, top),
      csv: (r) => r.received,
    },
  ];
  if (!given) {
    columns.push(
      { label: 'Distinct givers', cell: (r) => r.distinctGivers, num: true },
      { label: 'Departments reached', cell: (r) => r.reach, num: true },
    );
  }
  if (board.kind === 'department') {
    columns.push(
      { label: 'Asks served', cell: (r) => r.asksServed ?? 0, num: true },
      {
        label: 'Thanks per 100 served',
        cell: (r) => (r.perHundredServed == null ? '—' : r.perHundredServed),
        csv: (r) => r.perHundredServed ?? null,
        num: true,
      },
    );
  }
  return dataTable({
    id: 'leaderboard-table',
    title: `${who} by thanks ${given ? 'given' : 'received'}`,
    caption: `${rangeText(board.range)}. Public thanks only; people who opted out are not shown.`,
    columns,
    rows: board.rows,
    empty: 'No public thanks in this period yet. Thanks sent from the Tandem panel are counted here.',
    file: `tandem-${board.kind}-${board.direction}-${board.range.label}`,
  });
}

function unsungTable(data: UnsungResult): HTMLElement {
  return dataTable({
    id: 'unsung-table',
    title: 'Unsung helpers',
    caption: 'People who served many asks and were rarely thanked: a word from you goes far.',
    columns: [
      { label: 'Name', cell: (r) => r.name, rowHeader: true },
      { label: 'Asks served', cell: (r) => r.asksServed, num: true },
      { label: 'Thanks received', cell: (r) => r.thanks, num: true },
    ],
    rows: data.rows,
    empty: 'Nobody here: everyone who served asks in this period was thanked for it.',
    file: `tandem-unsung-${data.range.label}`,
  });
}
