import { useState } from 'preact/hooks';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import type { LeaderboardResult, UnsungResult } from '../../utils/api.ts';
import { BarChart } from './bar-chart.tsx';
import { BarCell, type Column, DataTable } from './data-table.tsx';
import { rangeText } from './format.ts';
import { useView, type ViewProps } from './use-view.ts';

type Row = LeaderboardResult['rows'][number];
type Kind = 'person' | 'department';
type Direction = 'received' | 'given';

/** Recognition: who is thanked (or thanks), week by week, and who serves much and is rarely thanked. */
export function RecognitionView(props: ViewProps) {
  const { client, filters } = props;
  const [kind, setKind] = useState<Kind>('person');
  const [direction, setDirection] = useState<Direction>('received');
  const load = async () => {
    const query = { ...filters, kind, direction, limit: '20' };
    const [board, unsung, weeks] = await Promise.all([
      client.leaderboard(query),
      kind === 'person' ? client.unsung(filters) : Promise.resolve(null),
      client.trends(12, filters.departmentId),
    ]);
    return { board, unsung, weeks };
  };
  const data = useView(load, JSON.stringify([filters, kind, direction]), props);
  return (
    <section class="view" id="recognition-view" aria-label="Recognition">
      {data ? (
        <BarChart
          id="thanks-trend"
          title="Thanks per week, last 12 weeks"
          labels={data.weeks.weeks.map((w) => w.week.slice(5))}
          series={[{ label: 'Thanks', className: 'series-1', values: data.weeks.weeks.map((w) => w.thanks) }]}
        />
      ) : null}
      <div class="view-toggles">
        <ToggleGroup<Kind>
          label="Show"
          class="segmented"
          options={[
            { key: 'person', label: 'People', id: 'show-people' },
            { key: 'department', label: 'Departments', id: 'show-departments' },
          ]}
          selected={kind}
          select={(k) => {
            setKind(k);
            // Departments are ranked by thanks received only.
            if (k === 'department') setDirection('received');
          }}
        />
        <ToggleGroup<Direction>
          label="Thanks"
          class="segmented"
          options={[
            { key: 'received', label: 'Received', id: 'show-received' },
            { key: 'given', label: 'Given', id: 'show-given', hidden: kind === 'department' },
          ]}
          selected={direction}
          select={setDirection}
        />
      </div>
      {data ? <BoardTable board={data.board} /> : null}
      {data?.unsung ? <UnsungTable data={data.unsung} /> : null}
    </section>
  );
}

function BoardTable({ board }: { board: LeaderboardResult }) {
  const top = Math.max(1, ...board.rows.map((r) => r.received));
  const given = board.direction === 'given';
  const who = board.kind === 'person' ? 'People' : 'Departments';
  const columns: Column<Row>[] = [
    { label: 'Rank', cell: (r) => r.rank, num: true },
    { label: 'Name', cell: (r) => r.name, rowHeader: true },
    {
      label: given ? 'Thanks given' : 'Thanks received',
      cell: (r) => <BarCell value={r.received} max={top} />,
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
  return (
    <DataTable
      id="leaderboard-table"
      title={`${who} by thanks ${given ? 'given' : 'received'}`}
      caption={`${rangeText(board.range)}. Public thanks only; people who opted out are not shown.`}
      columns={columns}
      rows={board.rows}
      empty="No public thanks in this period yet. Thanks sent from the Tandem panel are counted here."
      file={`tandem-${board.kind}-${board.direction}-${board.range.label}`}
    />
  );
}

function UnsungTable({ data }: { data: UnsungResult }) {
  return (
    <DataTable
      id="unsung-table"
      title="Unsung helpers"
      caption="People who served many asks and were rarely thanked: a word from you goes far."
      columns={[
        { label: 'Name', cell: (r) => r.name, rowHeader: true },
        { label: 'Asks served', cell: (r) => r.asksServed, num: true },
        { label: 'Thanks received', cell: (r) => r.thanks, num: true },
      ]}
      rows={data.rows}
      empty="Nobody here: everyone who served asks in this period was thanked for it."
      file={`tandem-unsung-${data.range.label}`}
    />
  );
}
