import './import-section.css';
import { Upload } from 'lucide';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { ApiProblem } from '../../utils/api.ts';
import { importIssue, importPreview } from '../../utils/import-preview.ts';
import { ImportPreviewTable } from './import-preview-table.tsx';
import { useSettings } from './settings-context.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const placeholder = 'name,email,title,departments,role\nAda Lovelace,ada@example.com,Engineer,Platform;Data,member';

type Outcome = { kind: 'ok'; text: string } | { kind: 'fail'; text: string; items: string[] };

/** Admin: people from an HR export (CSV), previewed, then imported all together or not at all. */
export function ImportSection() {
  const { client, departments, failed } = useSettings();
  const [csv, setCsv] = useState('');
  /** The text the preview shows: typing settles for 200 ms first; a chosen file shows at once. */
  const [previewed, setPreviewed] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setPreviewed(csv), 200);
    return () => clearTimeout(timer);
  }, [csv]);
  const preview = useMemo(() => importPreview(previewed), [previewed]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [sending, setSending] = useState(false);

  function show(text: string) {
    setCsv(text);
    setPreviewed(text);
  }

  async function readFile(input: HTMLInputElement) {
    const chosen = input.files?.[0];
    if (!chosen) return;
    try {
      show(await chosen.text());
      setOutcome(null);
    } catch (e) {
      setOutcome({ kind: 'fail', text: `Could not read ${chosen.name}: ${reason(e)}`, items: [] });
    }
  }

  async function send() {
    setOutcome(null);
    if (!csv.trim()) return setOutcome({ kind: 'fail', text: 'Choose a CSV file or paste CSV first.', items: [] });
    setPreviewed(csv);
    // The server reads the file as the preview does: a file it would refuse is not sent.
    const checked = importPreview(csv);
    if (checked.missing.length) {
      const needs = checked.missing.map((c) => `“${c}”`).join(' and ');
      return setOutcome({ kind: 'fail', text: `Nothing was imported: the first line needs ${needs}.`, items: [] });
    }
    if (checked.problems.length) {
      const rows = plural(checked.invalid, 'row', 'rows');
      return setOutcome({
        kind: 'fail',
        text: `Nothing was imported: fix the ${rows} marked in the preview and import again.`,
        items: [],
      });
    }
    setSending(true);
    try {
      const r = await client.importPeople(csv);
      setOutcome({
        kind: 'ok',
        text: `Imported: ${plural(r.created, 'person', 'people')} added, ${plural(r.updated, 'person', 'people')} updated, ${plural(r.departmentsCreated, 'department', 'departments')} created.`,
      });
      departments.invalidate();
    } catch (e) {
      failed(e);
      const issues =
        e instanceof ApiProblem
          ? Object.entries(e.fields)
              .map(([k, m]) => importIssue(k, m))
              .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
          : [];
      setOutcome({
        kind: 'fail',
        text: issues.some((i) => i.line !== null)
          ? 'Nothing was imported: fix these rows and import again.'
          : `Nothing was imported: ${reason(e)}`,
        items: issues.map((i) => (i.line === null ? i.message : `Line ${i.line}, ${i.column}: ${i.message}`)),
      });
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="section" id="section-import" aria-labelledby="import-heading">
      <h2 id="import-heading" tabIndex={-1}>
        Import people
      </h2>
      <p class="lead">
        Add or update people from your HR system’s export. People are matched by email; departments that do not exist
        yet are created. If any row is invalid, nothing is imported.
      </p>
      <form
        class="card form import-form"
        noValidate
        aria-labelledby="import-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div class="field">
          <label for="import-file">CSV file</label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.currentTarget)} />
        </div>
        <Field
          label="CSV to import"
          hint="Or paste it here. Columns: name, email, title, departments (separated by ;), role (member, manager or admin)."
        >
          <textarea
            id="import-csv"
            rows={8}
            spellcheck={false}
            class="mono"
            placeholder={placeholder}
            value={csv}
            onInput={(e) => setCsv(e.currentTarget.value)}
          />
        </Field>
        <div class="preview">
          <ImportPreviewTable preview={preview} />
        </div>
        <p class="status" role="status" id="import-status">
          {outcome?.kind === 'ok' ? outcome.text : ''}
        </p>
        <div class="form-error" role="alert" id="import-errors" hidden={outcome?.kind !== 'fail'}>
          {outcome?.kind === 'fail' ? (
            <>
              <p>{outcome.text}</p>
              {outcome.items.length ? (
                <ul>
                  {outcome.items.map((i) => (
                    <li key={i}>{i}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </div>
        <div class="actions">
          <button type="submit" id="import-submit" class="primary" disabled={sending}>
            <Icon node={Upload} />
            <span>Import people</span>
          </button>
        </div>
      </form>
    </section>
  );
}
