import { Download } from 'lucide';
import { toCsv } from '../../../shared/csv.ts';
import { h } from '../h.ts';
import { icon } from '../icon.ts';

export interface Column<T> {
  label: string;
  /** What the cell shows (a node for bars and pills). */
  cell: (row: T) => Node | string | number;
  /** What the CSV gets (defaults to the cell's text). */
  csv?: (row: T) => string | number | null;
  num?: boolean;
  /** The row's header cell (its name), for screen readers. */
  rowHeader?: boolean;
}

/** A titled table with its CSV export: every table on the managers' page is one of these. */
export function dataTable<T>(opts: {
  id: string;
  title: string;
  caption?: string;
  columns: Column<T>[];
  rows: T[];
  empty: string;
  /** The CSV file's name, without extension. */
  file: string;
  /** Show this many rows first, with a button for the rest (the CSV always has them all). */
  show?: number;
}): HTMLElement {
  const { id, title, columns, rows } = opts;
  const text = (v: Node | string | number) => (typeof v === 'object' ? (v.textContent ?? '') : v);
  const download = () => {
    const csv = toCsv(
      columns.map((c) => c.label),
      rows.map((r) => columns.map((c) => (c.csv ? c.csv(r) : text(c.cell(r))))),
    );
    const a = h('a', {
      href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })),
      download: `${opts.file}.csv`,
    });
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const headingId = `${id}-title`;
  const more =
    opts.show !== undefined && rows.length > opts.show
      ? h(
          'button',
          {
            type: 'button',
            class: 'ghost more',
            id: `${id}-more`,
            onclick: (e: MouseEvent) => {
              for (const tr of section.querySelectorAll('tbody tr')) (tr as HTMLElement).hidden = false;
              (e.currentTarget as HTMLElement).remove();
            },
          },
          `Show all ${rows.length}`,
        )
      : null;
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'card-header' },
      h('h2', { id: headingId }, title),
      rows.length
        ? h(
            'button',
            {
              type: 'button',
              class: 'ghost',
              id: `${id}-csv`,
              onclick: download,
              'aria-label': `Export ${title} as CSV`,
            },
            icon(Download, 16),
            h('span', null, 'CSV'),
          )
        : null,
    ),
    rows.length === 0
      ? h('p', { class: 'empty', id: `${id}-empty` }, opts.empty)
      : h(
          'div',
          // Focusable, so a keyboard can scroll a wide table.
          { class: 'table-scroll', tabindex: 0, 'aria-label': title },
          h(
            'table',
            { id },
            opts.caption ? h('caption', null, opts.caption) : null,
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)),
              ),
            ),
            h(
              'tbody',
              null,
              rows.map((r, i) =>
                h(
                  'tr',
                  { hidden: opts.show !== undefined && i >= opts.show },
                  columns.map((c) =>
                    h(
                      c.rowHeader ? 'th' : 'td',
                      { scope: c.rowHeader ? 'row' : null, class: c.num ? 'num' : null },
                      c.cell(r),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
    more,
  );
  return section;
}

/** A number with an inline bar against the largest in its column. */
export function barCell(value: number, max: number): HTMLElement {
  return h(
    'div',
    { class: 'bar-cell' },
    h('span', { class: 'num' }, value),
    h(
      'span',
      { class: 'bar', 'aria-hidden': 'true' },
      h('span', { style: `width: ${(value / Math.max(1, max)) * 100}%` }),
    ),
  );
}
