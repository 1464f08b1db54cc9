import type { ServiceResult } from '../../utils/api.ts';
import { BarChart } from './bar-chart.tsx';
import { type Column, DataTable } from './data-table.tsx';
import { hours, pct, rangeText, score, time } from './format.ts';
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

const importanceText = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;

/** Service: how fast and how well each department serves, against its standard and its requesters' expectations. */
export function ServiceView(props: ViewProps) {
  const { client, filters } = props;
  const load = () => Promise.all([client.service(filters), client.trends(12, filters.departmentId)]);
  const data = useView(load, JSON.stringify(filters), props);
  if (!data) return <section class="view" id="service-view" aria-label="Service" />;
  const [service, weeks] = data;
  const o = filters.departmentId ? (service.departments[0] ?? service.organisation) : service.organisation;
  return (
    <section class="view" id="service-view" aria-label="Service">
      <div class="stats" id="service-summary">
        <Stat label="Asks received" value={String(o.received)} />
        <Stat label="Resolved" value={String(o.resolved)} note={`${o.declined} declined`} />
        <Stat label="Within standard" value={pct(o.resolution.withinStandard)} note="of those resolved" />
        <Stat label="Median resolution" value={time(o.resolution.medianMs)} note={`p90 ${time(o.resolution.p90Ms)}`} />
        <Stat label="Open now" value={String(o.backlog)} />
        <Stat label="Overdue now" value={String(o.overdue)} warn={o.overdue > 0} />
      </div>
      <BarChart
        id="service-trend"
        title="Asks per week, last 12 weeks"
        labels={weeks.weeks.map((w) => w.week.slice(5))}
        series={[
          { label: 'Received', className: 'series-1', values: weeks.weeks.map((w) => w.received) },
          { label: 'Resolved', className: 'series-2', values: weeks.weeks.map((w) => w.resolved) },
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
    { label: 'Department', cell: (r) => r.name, rowHeader: true },
    {
      label: 'Standard',
      cell: (r) =>
        r.standard ? `${hours(r.standard.firstResponseHours)} / ${hours(r.standard.resolutionHours)}` : '—',
    },
    { label: 'Received', cell: (r) => r.received, num: true },
    { label: 'Resolved', cell: (r) => r.resolved, num: true },
    {
      label: 'First response',
      cell: (r) => <TwoLines main={time(r.firstResponse.medianMs)} note={`p90 ${time(r.firstResponse.p90Ms)}`} />,
      csv: (r) => r.firstResponse.medianMs,
    },
    {
      label: 'In standard',
      cell: (r) => pct(r.firstResponse.withinStandard),
      csv: (r) => r.firstResponse.withinStandard,
      num: true,
    },
    {
      label: 'Resolution',
      cell: (r) => <TwoLines main={time(r.resolution.medianMs)} note={`p90 ${time(r.resolution.p90Ms)}`} />,
      csv: (r) => r.resolution.medianMs,
    },
    {
      label: 'In standard ',
      cell: (r) => pct(r.resolution.withinStandard),
      csv: (r) => r.resolution.withinStandard,
      num: true,
    },
    { label: 'Open', cell: (r) => r.backlog, num: true },
    {
      label: 'Overdue',
      cell: (r) => (r.overdue ? <span class="pill pill-overdue">{r.overdue}</span> : '0'),
      csv: (r) => r.overdue,
      num: true,
    },
    { label: 'Forwarded', cell: (r) => r.forwardedOut, num: true },
    { label: 'Bounced', cell: (r) => r.bounces, num: true },
  ];
  return (
    <DataTable
      id="service-speed"
      title="Speed against each department’s standard"
      caption={`${rangeText(data.range)}. Medians and p90s in business hours (time waiting on the requester does not count). Standard: first response / resolution. CSV times in milliseconds.`}
      columns={columns}
      rows={data.departments}
      empty="No departments yet."
      file={`tandem-service-speed-${data.range.label}`}
    />
  );
}

function QualityTable({ data }: { data: ServiceResult }) {
  const byImportance = (r: Row) =>
    r.byImportance.map((i) => `${importanceText[i.importance]} ${score(i.overall)}`).join(' · ') || '—';
  const needed = (r: Row) => {
    const total = r.neededBy.met + r.neededBy.missed;
    return total ? `${r.neededBy.met} of ${total} (${pct(r.neededBy.met / total)})` : '—';
  };
  return (
    <DataTable
      id="service-quality"
      title="How requesters rate it, and what they expected"
      caption={`${rangeText(data.range)}. Ratings out of 5. "Needed by met": asks resolved by the day the requester asked for.`}
      columns={[
        { label: 'Department', cell: (r) => r.name, rowHeader: true },
        { label: 'Ratings', cell: (r) => r.ratings.count, num: true },
        { label: 'Overall', cell: (r) => score(r.ratings.overall), csv: (r) => r.ratings.overall, num: true },
        {
          label: 'Communication',
          cell: (r) => score(r.ratings.communication),
          csv: (r) => r.ratings.communication,
          num: true,
        },
        {
          label: 'Responsiveness',
          cell: (r) => score(r.ratings.responsiveness),
          csv: (r) => r.ratings.responsiveness,
          num: true,
        },
        { label: 'Quality', cell: (r) => score(r.ratings.quality), csv: (r) => r.ratings.quality, num: true },
        { label: 'Needed by met', cell: needed },
        { label: 'Rating by stated importance', cell: byImportance },
      ]}
      rows={data.departments}
      empty="No departments yet."
      file={`tandem-service-quality-${data.range.label}`}
    />
  );
}
