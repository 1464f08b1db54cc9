import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ToggleGroup } from '../../ui/toggle-group.tsx';
import type { LeaderboardResult, UnsungResult } from '../../utils/api.ts';
import { BarChart } from './bar-chart.tsx';
import { BarCell, type Column, DataTable } from './data-table.tsx';
import { num, rangeText, weekTick } from './format.ts';
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
    <section class="view" id="recognition-view" aria-label={i18n.t('leaderboard.app.recognition')}>
      {data ? (
        <BarChart
          id="thanks-trend"
          title={i18n.t('leaderboard.recognition.trendTitle')}
          labels={data.weeks.weeks.map((w) => weekTick(w.week))}
          series={[
            {
              label: i18n.t('leaderboard.recognition.thanks'),
              count: (n) => i18n.t('leaderboard.recognition.thanksCount', n, [num(n)]),
              className: 'series-1',
              values: data.weeks.weeks.map((w) => w.thanks),
            },
          ]}
        />
      ) : null}
      <div class="view-toggles">
        <ToggleGroup<Kind>
          label={i18n.t('leaderboard.recognition.show')}
          class="segmented"
          options={[
            { key: 'person', label: i18n.t('leaderboard.recognition.people'), id: 'show-people' },
            { key: 'department', label: i18n.t('leaderboard.recognition.departments'), id: 'show-departments' },
          ]}
          selected={kind}
          select={(k) => {
            setKind(k);
            // Departments are ranked by thanks received only.
            if (k === 'department') setDirection('received');
          }}
        />
        <ToggleGroup<Direction>
          label={i18n.t('leaderboard.recognition.thanks')}
          class="segmented"
          options={[
            { key: 'received', label: i18n.t('leaderboard.common.received'), id: 'show-received' },
            {
              key: 'given',
              label: i18n.t('leaderboard.recognition.given'),
              id: 'show-given',
              hidden: kind === 'department',
            },
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
  const title = {
    person: { received: 'leaderboard.recognition.peopleByReceived', given: 'leaderboard.recognition.peopleByGiven' },
    department: {
      received: 'leaderboard.recognition.departmentsByReceived',
      given: 'leaderboard.recognition.departmentsByGiven',
    },
  } as const;
  const columns: Column<Row>[] = [
    { label: i18n.t('leaderboard.recognition.rank'), cell: (r) => r.rank, num: true },
    { label: i18n.t('leaderboard.common.name'), cell: (r) => r.name, rowHeader: true },
    {
      label: i18n.t(given ? 'leaderboard.recognition.thanksGiven' : 'leaderboard.recognition.thanksReceived'),
      cell: (r) => <BarCell value={r.received} max={top} />,
      csv: (r) => r.received,
    },
  ];
  if (!given) {
    columns.push(
      { label: i18n.t('leaderboard.recognition.distinctGivers'), cell: (r) => r.distinctGivers, num: true },
      { label: i18n.t('leaderboard.recognition.reach'), cell: (r) => r.reach, num: true },
    );
  }
  if (board.kind === 'department') {
    columns.push(
      { label: i18n.t('leaderboard.recognition.asksServed'), cell: (r) => r.asksServed ?? 0, num: true },
      {
        label: i18n.t('leaderboard.recognition.perHundredServed'),
        cell: (r) => (r.perHundredServed == null ? '—' : r.perHundredServed),
        csv: (r) => r.perHundredServed ?? null,
        num: true,
      },
    );
  }
  return (
    <DataTable
      id="leaderboard-table"
      title={i18n.t(title[board.kind][board.direction])}
      caption={i18n.t('leaderboard.recognition.boardCaption', [rangeText(board.range)])}
      columns={columns}
      rows={board.rows}
      empty={i18n.t('leaderboard.recognition.boardEmpty')}
      file={`tandem-${board.kind}-${board.direction}-${board.range.label}`}
    />
  );
}

function UnsungTable({ data }: { data: UnsungResult }) {
  return (
    <DataTable
      id="unsung-table"
      title={i18n.t('leaderboard.recognition.unsungTitle')}
      caption={i18n.t('leaderboard.recognition.unsungCaption')}
      columns={[
        { label: i18n.t('leaderboard.common.name'), cell: (r) => r.name, rowHeader: true },
        { label: i18n.t('leaderboard.recognition.asksServed'), cell: (r) => r.asksServed, num: true },
        { label: i18n.t('leaderboard.recognition.thanksReceived'), cell: (r) => r.thanks, num: true },
      ]}
      rows={data.rows}
      empty={i18n.t('leaderboard.recognition.unsungEmpty')}
      file={`tandem-unsung-${data.range.label}`}
    />
  );
}
