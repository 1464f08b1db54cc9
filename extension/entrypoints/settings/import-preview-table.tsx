import { i18n } from '#i18n';
import { andList, listOf, num } from '../../utils/format.ts';
import type { ImportPreview, PreviewRow, RowProblem } from '../../utils/import-preview.ts';

const columns = [
  () => i18n.t('settings.importPreview.line'),
  () => i18n.t('settings.importPreview.name'),
  () => i18n.t('settings.importPreview.email'),
  () => i18n.t('settings.importPreview.title'),
  () => i18n.t('settings.importPreview.departments'),
  () => i18n.t('settings.importPreview.role'),
];
/** Problems listed under the preview; the rest are counted. */
const listed = 10;

/** The columns a file lacks, quoted as the file must name them: "“name” and “email”". */
export const columnNames = (names: readonly string[]) =>
  andList(names.map((c) => i18n.t('settings.importPreview.column', [c])));

/** "Line 4, email: A valid email". */
export const problemText = (p: RowProblem) =>
  i18n.t('settings.importPreview.problem', [num(p.line), p.column, p.message]);

/** The first parsed rows of a CSV, as the server will read them, with every row's problems. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  if (preview.missing.length) {
    return (
      <p class="notice" id="import-preview">
        {i18n.t('settings.importPreview.missingColumns', [columnNames(preview.missing)])}
      </p>
    );
  }
  if (preview.total === 0) {
    return (
      <p class="empty" id="import-preview">
        {i18n.t('settings.importPreview.empty')}
      </p>
    );
  }
  const shown = preview.rows.length;
  return (
    <div class="import-preview" id="import-preview">
      <ImportSummary preview={preview} />
      {/* Scrolls inside its own box (both ways), so the page keeps its width and Import stays in reach. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section class="table-wrap import-table" tabIndex={0} aria-labelledby="import-preview-caption">
        <table class="data-table">
          <caption id="import-preview-caption">
            {shown < preview.total
              ? i18n.t('settings.importPreview.captionFirst', [num(shown), num(preview.total)])
              : i18n.t('settings.importPreview.caption', preview.total, [num(preview.total)])}
          </caption>
          <thead>
            <tr>
              {columns.map((label, i) => (
                // The first column, the line number, is aligned as numbers are.
                <th key={i} scope="col" class={i === 0 ? 'num' : undefined}>
                  {label()}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <PreviewLine key={r.line} row={r} />
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** How many rows would be imported, or how many stop the import and why (the first few problems). */
function ImportSummary({ preview }: { preview: ImportPreview }) {
  if (preview.invalid === 0) {
    return (
      <p class="import-summary" id="import-summary">
        {i18n.t('settings.importPreview.ready', preview.total, [num(preview.total)])}
      </p>
    );
  }
  const more = preview.problems.length - listed;
  return (
    <div class="import-summary import-summary-problems" id="import-summary">
      <p>{i18n.t('settings.importPreview.invalid', preview.invalid, [num(preview.invalid)])}</p>
      <ul>
        {preview.problems.slice(0, listed).map((p) => (
          <li key={`${p.line}.${p.column}`}>{problemText(p)}</li>
        ))}
      </ul>
      {more > 0 ? <p>{i18n.t('settings.importPreview.more', more, [num(more)])}</p> : null}
    </div>
  );
}

function PreviewLine({ row }: { row: PreviewRow }) {
  const problem = (column: string) =>
    row.problems[column] ? <span class="cell-problem">{row.problems[column]}</span> : null;
  const cell = (text: string) => (text ? text : <span class="muted">—</span>);
  const [user, domain] = row.email.split(/@(.*)/s);
  return (
    <tr class={Object.keys(row.problems).length ? 'invalid' : undefined}>
      <td class="num muted">{num(row.line)}</td>
      <th scope="row">
        {cell(row.name)}
        {problem('name')}
      </th>
      <td class="wrap-anywhere">
        {/* A narrow column breaks an email after its @ rather than inside a word. */}
        {domain === undefined ? (
          cell(row.email)
        ) : (
          <>
            {user}@<wbr />
            {domain}
          </>
        )}
        {problem('email')}
      </td>
      <td>
        {cell(row.title)}
        {problem('title')}
      </td>
      <td>
        {cell(listOf(row.departments))}
        {problem('departments')}
      </td>
      <td>
        {row.role}
        {problem('role')}
      </td>
    </tr>
  );
}
