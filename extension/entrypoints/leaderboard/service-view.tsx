import { i18n } from '#i18n';
import type { ServiceResult } from '../../utils/api.ts';
import { BarChart } from './bar-chart.tsx';
import { type Column, DataTable } from './data-table.tsx';
import { hours, num, pct, rangeText, score, time, weekTick } from './format.ts';
import { useView, type ViewProps } from './use-view.ts';

type Row = ServiceResult['departments'][number];

function Stat({ label, value, note, warn }: { label: string; value: string; note?: string; warn?: boolean }) {
  return (
    <div class={warn ? 'stat stat-warn' : 'stat'}>
      <span class="stat-value">{value}</span>
      <span class="stat-label">{label}</span>
      {note ? <span class="stat-note">{note}</span> : null}
    </div>
  );
}

/** A median over its p90, the second line quieter. */
const TwoLines = ({ main, note }: { main: string; note: string }) => (
  <span class="two-lines">
    {main}
    <small>{note}</small>
  </span>
);

const importanceKey = {
  low: 'leaderboard.service.low',
  normal: 'leaderboard.service.normal',
  high: 'leaderboard.service.high',
  urgent: 'leaderboard.service.urgent',
} as const;
const p90 = (ms: number | null) => i18n.t('leaderboard.service.p90', [time(ms)]);

/** Service: how fast and how well each department serves, against its standard and its requesters' expectations. */
export function ServiceView(props: ViewProps) {
  const { client, filters } = props;
  const load = () => Promise.all([client.service(filters), client.trends(12, filters.departmentId)]);
  const data = useView(load, JSON.stringify(filters), props);
  const label = i18n.t('leaderboard.app.service');
  if (!data) return <section class="view" id="service-view" aria-label={label} />;
  const [service, weeks] = data;
  const o = filters.departmentId ? (service.departments[0] ?? service.organisation) : service.organisation;
  return (
    <section class="view" id="service-view" aria-label={label}>
      <div class="stats" id="service-summary">
        <Stat label={i18n.t('leaderboard.service.asksReceived')} value={num(o.received)} />
        <Stat
          label={i18n.t('leaderboard.common.resolved')}
          value={num(o.resolved)}
          note={i18n.t('leaderboard.service.declined', o.declined, [num(o.declined)])}
        />
        <Stat
          label={i18n.t('leaderboard.service.withinStandard')}
          value={pct(o.resolution.withinStandard)}
          note={i18n.t('leaderboard.service.ofResolved')}
        />
        <Stat
          label={i18n.t('leaderboard.service.medianResolution')}
          value={time(o.resolution.medianMs)}
          note={p90(o.resolution.p90Ms)}
        />
        <Stat label={i18n.t('leaderboard.service.openNow')} value={num(o.backlog)} />
        <Stat label={i18n.t('leaderboard.service.overdueNow')} value={num(o.overdue)} warn={o.overdue > 0} />
      </div>
      <BarChart
        id="service-trend"
        title={i18n.t('leaderboard.service.trendTitle')}
        labels={weeks.weeks.map((w) => weekTick(w.week))}
        series={[
          {
            label: i18n.t('leaderboard.common.received'),
            count: (n) => i18n.t('leaderboard.service.receivedCount', n, [num(n)]),
            className: 'series-1',
            values: weeks.weeks.map((w) => w.received),
          },
          {
            label: i18n.t('leaderboard.common.resolved'),
            count: (n) => i18n.t('leaderboard.service.resolvedCount', n, [num(n)]),
            className: 'series-2',
            values: weeks.weeks.map((w) => w.resolved),
          },
        ]}
      />
      <div class="view">
        <SpeedTable data={service} />
        <QualityTable data={service} />
      </div>
    </section>
  );
}

function SpeedTable({ data }: { data: ServiceResult }) {
  const columns: Column<Row>[] = [
    { label: i18n.t('leaderboard.common.department'), cell: (r) => r.name, rowHeader: true },
    {
      label: i18n.t('leaderboard.service.standard'),
      cell: (r) =>
        r.standard
          ? i18n.t('leaderboard.service.standardHours', [
              hours(r.standard.firstResponseHours),
              hours(r.standard.resolutionHours),
            ])
          : '—',
    },
    { label: i18n.t('leaderboard.common.received'), cell: (r) => r.received, num: true },
    { label: i18n.t('leaderboard.common.resolved'), cell: (r) => r.resolved, num: true },
    {
      label: i18n.t('leaderboard.service.firstResponse'),
      cell: (r) => <TwoLines main={time(r.firstResponse.medianMs)} note={p90(r.firstResponse.p90Ms)} />,
      csv: (r) => r.firstResponse.medianMs,
    },
    {
      label: i18n.t('leaderboard.service.inStandard'),
      csvLabel: i18n.t('leaderboard.service.firstResponseInStandard'),
      cell: (r) => pct(r.firstResponse.withinStandard),
      csv: (r) => r.firstResponse.withinStandard,
      num: true,
    },
    {
      label: i18n.t('leaderboard.service.resolution'),
      cell: (r) => <TwoLines main={time(r.resolution.medianMs)} note={p90(r.resolution.p90Ms)} />,
      csv: (r) => r.resolution.medianMs,
    },
    {
      label: i18n.t('leaderboard.service.inStandard'),
      csvLabel: i18n.t('leaderboard.service.resolutionInStandard'),
      cell: (r) => pct(r.resolution.withinStandard),
      csv: (r) => r.resolution.withinStandard,
      num: true,
    },
    { label: i18n.t('leaderboard.service.open'), cell: (r) => r.backlog, num: true },
    {
      label: i18n.t('leaderboard.service.overdue'),
      cell: (r) => (r.overdue ? <span class="pill pill-overdue">{num(r.overdue)}</span> : 0),
      csv: (r) => r.overdue,
      num: true,
    },
    { label: i18n.t('leaderboard.common.forwarded'), cell: (r) => r.forwardedOut, num: true },
    { label: i18n.t('leaderboard.common.bounced'), cell: (r) => r.bounces, num: true },
  ];
  return (
    <DataTable
      id="service-speed"
      title={i18n.t('leaderboard.service.speedTitle')}
      caption={i18n.t('leaderboard.service.speedCaption', [rangeText(data.range)])}
      columns={columns}
      rows={data.departments}
      empty={i18n.t('leaderboard.service.noDepartments')}
      file={`tandem-service-speed-${data.range.label}`}
    />
  );
}

function QualityTable({ data }: { data: ServiceResult }) {
  const byImportance = (r: Row) =>
    r.byImportance
      .map((i) =>
        i18n.t('leaderboard.service.importanceScore', [i18n.t(importanceKey[i.importance]), score(i.overall)]),
      )
      .join(' · ') || '—';
  const needed = (r: Row) => {
    const total = r.neededBy.met + r.neededBy.missed;
    return total
      ? i18n.t('leaderboard.service.neededByMet', [num(r.neededBy.met), num(total), pct(r.neededBy.met / total)])
      : '—';
  };
  return (
    <DataTable
      id="service-quality"
      title={i18n.t('leaderboard.service.qualityTitle')}
      caption={i18n.t('leaderboard.service.qualityCaption', [rangeText(data.range)])}
      columns={[
        { label: i18n.t('leaderboard.common.department'), cell: (r) => r.name, rowHeader: true },
        { label: i18n.t('leaderboard.service.ratings'), cell: (r) => r.ratings.count, num: true },
        {
          label: i18n.t('leaderboard.service.overall'),
          cell: (r) => score(r.ratings.overall),
          csv: (r) => r.ratings.overall,
          num: true,
        },
        {
          label: i18n.t('leaderboard.service.communication'),
          cell: (r) => score(r.ratings.communication),
          csv: (r) => r.ratings.communication,
          num: true,
        },
        {
          label: i18n.t('leaderboard.service.responsiveness'),
          cell: (r) => score(r.ratings.responsiveness),
          csv: (r) => r.ratings.responsiveness,
          num: true,
        },
        {
          label: i18n.t('leaderboard.service.quality'),
          cell: (r) => score(r.ratings.quality),
          csv: (r) => r.ratings.quality,
          num: true,
        },
        { label: i18n.t('leaderboard.service.neededBy'), cell: needed },
        { label: i18n.t('leaderboard.service.byImportance'), cell: byImportance },
      ]}
      rows={data.departments}
      empty={i18n.t('leaderboard.service.noDepartments')}
      file={`tandem-service-quality-${data.range.label}`}
    />
  );
}
