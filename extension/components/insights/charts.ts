import { h } from '../h.ts';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]) => {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
};

export interface Series {
  label: string;
  /** A CSS colour class: series-1, series-2. */
  className: string;
  values: number[];
}

/**
 * Bars per week for one or two series, labelled for screen readers (a table of the same numbers
 * is one click away as CSV). Plain SVG: no chart library in a 50 KB side-panel budget.
 */
export function barChart(opts: { id: string; title: string; labels: string[]; series: Series[] }): HTMLElement {
  const { labels, series } = opts;
  const width = 1000;
  const height = 200;
  const pad = { top: 12, bottom: 24, left: 32, right: 8 };
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (width - pad.left - pad.right) / Math.max(1, labels.length);
  const barWidth = Math.max(2, (slot * 0.7) / series.length);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  const bars = series.flatMap((s, si) =>
    s.values.map((v, i) =>
      svg(
        'rect',
        {
          class: s.className,
          x: pad.left + i * slot + slot * 0.15 + si * barWidth,
          y: y(v),
          width: barWidth,
          height: Math.max(0, height - pad.bottom - y(v)),
          rx: 2,
        },
        svg('title', {}, `${labels[i]}: ${v} ${s.label.toLowerCase()}`),
      ),
    ),
  );
  const every = Math.ceil(labels.length / 8);
  const ticks = labels.map((l, i) =>
    i % every === 0
      ? svg('text', { x: pad.left + i * slot + slot / 2, y: height - 6, 'text-anchor': 'middle', class: 'tick' }, l)
      : '',
  );
  const grid = [0, 0.5, 1].map((f) => {
    const v = Math.round(max * f);
    return [
      svg('line', { x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v), class: 'grid' }),
      svg('text', { x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, String(v)),
    ];
  });
  const summary = series.map((s) => `${s.label}: ${s.values.join(', ')}`).join('. ');
  return h(
    'figure',
    { class: 'chart', id: opts.id },
    h(
      'figcaption',
      null,
      opts.title,
      ' ',
      series.map((s) => h('span', { class: `legend ${s.className}` }, s.label)),
    ),
    svg(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${opts.title}. ${summary}` },
      ...grid.flat(),
      ...bars,
      ...ticks.filter((t) => t !== ''),
    ),
  );
}

/** A matrix of counts as a heatmap: the darker the cell, the more of it. */
export function heatmap(opts: {
  id: string;
  title: string;
  rows: { id: string; name: string }[];
  columns: { id: string; name: string }[];
  value: (row: string, column: string) => { n: number; detail: string } | null;
}): HTMLElement {
  const max = Math.max(1, ...opts.rows.flatMap((r) => opts.columns.map((c) => opts.value(r.id, c.id)?.n ?? 0)));
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, 'aria-label': opts.title },
    h(
      'table',
      { class: 'heatmap', id: opts.id },
      h('caption', null, opts.title),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Asked by ↓ / served by →'),
          opts.columns.map((c) => h('th', { scope: 'col', class: 'rotate' }, h('span', null, c.name))),
        ),
      ),
      h(
        'tbody',
        null,
        opts.rows.map((r) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, r.name),
            opts.columns.map((c) => {
              const v = opts.value(r.id, c.id);
              const level = v ? Math.ceil((v.n / max) * 5) : 0;
              return h('td', { class: `heat heat-${level}`, title: v ? v.detail : 'None' }, v ? String(v.n) : '');
            }),
          ),
        ),
      ),
    ),
  );
}
