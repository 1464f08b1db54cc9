import type { ImportPreview, PreviewRow } from '../../utils/import-preview.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const columns = ['Line', 'Name', 'Email', 'Title', 'Departments', 'Role'] as const;
/** Problems listed under the preview; the rest are counted. */
const listed = 10;

/** The first parsed rows of a CSV, as the server will read them, with every row's problems. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  if (preview.missing.length) {
    return (
      <p class="notice" id="import-preview">
        The first line must name the columns, and needs {preview.missing.map((c) => `“${c}”`).join(' and ')}.
      </p>
    );
  }
  if (preview.total === 0) {
    return (
      <p class="empty" id="import-preview">
        Choose a file or paste CSV to see a preview.
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
              ? `Preview: the first ${shown} of ${preview.total} rows`
              : `Preview: ${plural(preview.total, 'row', 'rows')}`}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col" class={c === 'Line' ? 'num' : undefined}>
                  {c}
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
        {preview.total === 1 ? '1 row is ready to import.' : `All ${preview.total} rows are ready to import.`}
      </p>
    );
  }
  const more = preview.problems.length - listed;
  return (
    <div class="import-summary import-summary-problems" id="import-summary">
      <p>
        {`${plural(preview.invalid, 'row has', 'rows have')} problems. Fix ${preview.invalid === 1 ? 'it' : 'them'} first: if any row is invalid, nothing is imported.`}
      </p>
      <ul>
        {preview.problems.slice(0, listed).map((p) => (
          <li key={`${p.line}.${p.column}`}>{`Line ${p.line}, ${p.column}: ${p.message}`}</li>
        ))}
      </ul>
      {more > 0 ? <p>{`…and ${plural(more, 'more problem', 'more problems')}.`}</p> : null}
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
      <td class="num muted">{row.line}</td>
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
        {cell(row.departments.join(', '))}
        {problem('departments')}
      </td>
      <td>
        {row.role}
        {problem('role')}
      </td>
    </tr>
  );
}
