import type { Api, ServiceResult } from '../../utils/api.ts';
import { h, replace } from '../h.ts';
import { barChart } from './charts.ts';
import { type Column, dataTable } from './data-table.ts';
import { hours, pct, rangeText, score, time } from './format.ts';
import type { Filters } from './period-controls.ts';

type Row = ServiceResult['departments'][number];

function stat(label: string, value: string, note?: string, warn = false) {
  return h(
    'div',
    { class: warn ? 'stat stat-warn' : 'stat' },
    h('span', { class: 'stat-value' }, value),
    h('span', { class: 'stat-label' }, label),
    note ? h('span', { class: 'stat-note' }, note) : null,
  );
}

/** A median over its p90, the second line quieter. */
const twoLines = (main: string, note: string) => h('span', { class: 'two-lines' }, main, h('small', null, note));

const importanceText = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;

/** Service insights: how fast and how well each department serves, against its standard and its requesters' expectations. */
export function serviceView(client: Api) {
  const summary = h('div', { class: 'stats', id: 'service-summary' });
  const trend = h('div');
  const tables = h('div', { class: 'view' });
  const el = h(
    'section',
    { class: 'view', id: 'service-view', 'aria-label': 'Service', hidden: true },
    summary,
    trend,
    tables,
  );

  async function load(f: Filters) {
    const [data, weeks] = await Promise.all([client.service(f), client.trends(12, f.departmentId)]);
    const o = f.departmentId ? (data.departments[0] ?? data.organisation) : data.organisation;
    replace(
      summary,
      stat('Asks received', String(o.received)),
      stat('Resolved', String(o.resolved), `${o.declined} declined`),
      stat('Within standard', pct(o.resolution.withinStandard), 'of those resolved'),
      stat('Median resolution', time(o.resolution.medianMs), `p90 ${time(o.resolution.p90Ms)}`),
      stat('Open now', String(o.backlog)),
      stat('Overdue now', String(o.overdue), undefined, o.overdue > 0),
    );
    replace(
      trend,
      barChart({
        id: 'service-trend',
        title: 'Asks per week, last 12 weeks',
        labels: weeks.weeks.map((w) => w.week.slice(5)),
        series: [
          { label: 'Received', className: 'series-1', values: weeks.weeks.map((w) => w.received) },
          { label: 'Resolved', className: 'series-2', values: weeks.weeks.map((w) => w.resolved) },
        ],
      }),
    );
    replace(tables, speedTable(data), qualityTable(data));
  }

  return { el, load };
}

function speedTable(data: ServiceResult): HTMLElement {
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
      cell: (r) => twoLines(time(r.firstResponse.medianMs), `p90 ${time(r.firstResponse.p90Ms)}`),
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
      cell: (r) => twoLines(time(r.resolution.medianMs), `p90 ${time(r.resolution.p90Ms)}`),
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
      cell: (r) => (r.overdue ? h('span', { class: 'pill pill-overdue' }, String(r.overdue)) : '0'),
      csv: (r) => r.overdue,
      num: true,
    },
    { label: 'Forwarded', cell: (r) => r.forwardedOut, num: true },
    { label: 'Bounced', cell: (r) => r.bounces, num: true },
  ];
  return dataTable({
    id: 'service-speed',
    title: 'Speed against each department’s standard',
    caption: `${rangeText(data.range)}. Medians and p90s in business hours (time waiting on the requester does not count). Standard: first response / resolution. CSV times in milliseconds.`,
    columns,
    rows: data.departments,
    empty: 'No departments yet.',
    file: `tandem-service-speed-${data.range.label}`,
  });
}

function qualityTable(data: ServiceResult): HTMLElement {
  const byImportance = (r: Row) =>
    r.byImportance.map((i) => `${importanceText[i.importance]} ${score(i.overall)}`).join(' · ') || '—';
  const needed = (r: Row) => {
    const total = r.neededBy.met + r.neededBy.missed;
    return total ? `${r.neededBy.met} of ${total} (${pct(r.neededBy.met / total)})` : '—';
  };
  return dataTable({
    id: 'service-quality',
    title: 'How requesters rate it, and what they expected',
    caption: `${rangeText(data.range)}. Ratings out of 5. "Needed by met": asks resolved by the day the requester asked for.`,
    columns: [
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
    ],
    rows: data.departments,
    empty: 'No departments yet.',
    file: `tandem-service-quality-${data.range.label}`,
  });
}
