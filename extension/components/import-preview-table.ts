import type { ImportPreview } from '../utils/import-preview.ts';
import { h } from './h.ts';

/** The first parsed rows of a CSV, as the server will read them. */
export function importPreviewTable(preview: ImportPreview): HTMLElement {
  if (preview.missing.length) {
    return h(
      'p',
      { class: 'notice', id: 'import-preview' },
      `The first line must name the columns, and needs ${preview.missing.map((c) => `“${c}”`).join(' and ')}.`,
    );
  }
  if (preview.total === 0) {
    return h('p', { class: 'empty', id: 'import-preview' }, 'Choose a file or paste CSV to see a preview.');
  }
  const shown = preview.rows.length;
  const cell = (text: string) => (text ? text : h('span', { class: 'muted' }, '—'));
  return h(
    'div',
    { class: 'table-wrap', id: 'import-preview' },
    h(
      'table',
      { class: 'data-table' },
      h(
        'caption',
        null,
        shown < preview.total
          ? `Preview: the first ${shown} of ${preview.total} rows`
          : `Preview: ${preview.total} ${preview.total === 1 ? 'row' : 'rows'}`,
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Line', 'Name', 'Email', 'Title', 'Departments', 'Role'].map((c) =>
            h('th', { scope: 'col', class: c === 'Line' ? 'num' : null }, c),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        preview.rows.map((r) =>
          h(
            'tr',
            null,
            h('td', { class: 'num muted' }, r.line),
            h('th', { scope: 'row' }, cell(r.name)),
            h('td', { class: 'wrap-anywhere' }, cell(r.email)),
            h('td', null, cell(r.title)),
            h('td', null, cell(r.departments.join(', '))),
            h('td', null, r.role),
          ),
        ),
      ),
    ),
  );
}
