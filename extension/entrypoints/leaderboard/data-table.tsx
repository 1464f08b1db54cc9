import { Download } from 'lucide';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { toCsv } from '../../../shared/csv.ts';
import { Icon } from '../../ui/icon.tsx';
import { num } from './format.ts';

export interface Column<T> {
  label: string;
  /** The CSV's header when the label alone is ambiguous there (two "In standard" columns). */
  csvLabel?: string;
  /** What the cell shows (a bar, a pill, or text). */
  cell: (row: T) => ComponentChildren;
  /** What the CSV gets; without it, the cell when it is text or a number. */
  csv?: (row: T) => string | number | null;
  num?: boolean;
  /** The row's header cell (its name), for screen readers. */
  rowHeader?: boolean;
  /** The cell shows the organisation's own words (a name), not the product's: not for translation. */
  data?: boolean;
}

interface DataTableProps<T> {
  id: string;
  title: string;
  /** What the figures mean: above the table, never scrolled out of sight with it. */
  caption?: string;
  columns: Column<T>[];
  rows: T[];
  empty: string;
  /** The CSV file's name, without extension. */
  file: string;
  /** Show this many rows first, with a button for the rest (the CSV always has them all). */
  show?: number;
}

/** A cell as shown: counts as the locale writes them (the CSV keeps the plain number). */
const shownCell = (v: ComponentChildren) => (typeof v === 'number' ? num(v) : v);

/** Saves `content` as a file the browser downloads. */
export function download(name: string, type: string, content: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/**
 * A titled table with its CSV export: every table on the managers' page is one of these. In a narrow
 * card each row becomes a small card of label and value (style.css, a container query); otherwise a table
 * wider than its card scrolls inside its own box (focusable, so a keyboard can scroll it).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { id, title, columns, rows } = props;
  const [all, setAll] = useState(false);
  const shown = props.show !== undefined && !all ? rows.slice(0, props.show) : rows;
  const headingId = `${id}-title`;
  const captionId = `${id}-caption`;
  const csv = () => {
    const text = (v: ComponentChildren) => (typeof v === 'string' || typeof v === 'number' ? v : '');
    const body = toCsv(
      columns.map((c) => c.csvLabel ?? c.label),
      rows.map((r) => columns.map((c) => (c.csv ? c.csv(r) : text(c.cell(r))))),
    );
    download(`${props.file}.csv`, 'text/csv', body);
  };
  return (
    <section class="card" aria-labelledby={headingId}>
      <div class="card-header">
        <h2 id={headingId}>{title}</h2>
        {rows.length ? (
          <button
            type="button"
            class="ghost"
            id={`${id}-csv`}
            onClick={csv}
            aria-label={i18n.t('leaderboard.table.exportCsv', [title])}
          >
            <Icon node={Download} />
            <span>{i18n.t('leaderboard.table.csv')}</span>
          </button>
        ) : null}
      </div>
      {props.caption ? (
        <p class="table-caption" id={captionId}>
          {props.caption}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p class="empty" id={`${id}-empty`}>
          {props.empty}
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard scrolls a wide table through its box
        <section class="table-scroll" tabIndex={0} aria-label={title}>
          <table id={id} aria-labelledby={headingId} aria-describedby={props.caption ? captionId : undefined}>
            <thead>
              <tr>
                {columns.map((c, ci) => (
                  <th key={ci} scope="col" class={c.num ? 'num' : undefined}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={i}>
                  {columns.map((c, ci) =>
                    c.rowHeader ? (
                      <th key={ci} scope="row" class={c.num ? 'num' : undefined} data-label={c.label} translate={false}>
                        {shownCell(c.cell(r))}
                      </th>
                    ) : (
                      <td
                        key={ci}
                        class={c.num ? 'num' : undefined}
                        data-label={c.label}
                        translate={c.data ? false : undefined}
                      >
                        {shownCell(c.cell(r))}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {shown.length < rows.length ? (
        <button type="button" class="ghost more" id={`${id}-more`} onClick={() => setAll(true)}>
          {i18n.t('leaderboard.table.showAll', [num(rows.length)])}
        </button>
      ) : null}
    </section>
  );
}

/** A number with an inline bar against the largest in its column. */
export function BarCell({ value, max }: { value: number; max: number }) {
  return (
    <div class="bar-cell">
      <span class="num">{num(value)}</span>
      <span class="bar" aria-hidden="true">
        <span style={{ width: `${(value / Math.max(1, max)) * 100}%` }} />
      </span>
    </div>
  );
}
