import './import-section.css';
import { Upload } from 'lucide';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { ApiProblem } from '../../utils/api.ts';
import { num } from '../../utils/format.ts';
import { importIssue, importPreview } from '../../utils/import-preview.ts';
import { DeactivationNotice } from './deactivation-notice.tsx';
import { columnNames, ImportPreviewTable, problemText } from './import-preview-table.tsx';
import { useSettings } from './settings-context.ts';
import { useDeactivationPreview } from './use-deactivation-preview.ts';

// The header line is what the server reads, in English in every language; the example row is not.
const placeholder = () => `name,email,title,departments,role\n${i18n.t('settings.import.csvExample')}`;

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
  // Off by default: the server's dry run says who would go before the admin confirms with Import.
  const [deactivate, setDeactivate] = useState(false);
  const [imports, setImports] = useState(0);
  const sendable = preview.total > 0 && !preview.missing.length && !preview.problems.length;
  const deactivation = useDeactivationPreview(deactivate && sendable, previewed, imports);
  const leaving = deactivation.state === 'ready' && deactivation.csv === csv ? deactivation.result.deactivated : 0;

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
      setOutcome({ kind: 'fail', text: i18n.t('settings.import.readFailed', [chosen.name, reason(e)]), items: [] });
    }
  }

  async function send() {
    setOutcome(null);
    if (!csv.trim()) return setOutcome({ kind: 'fail', text: i18n.t('settings.import.nothingToImport'), items: [] });
    setPreviewed(csv);
    // The server reads the file as the preview does: a file it would refuse is not sent.
    const checked = importPreview(csv);
    if (checked.missing.length) {
      const text = i18n.t('settings.import.missingColumns', [columnNames(checked.missing)]);
      return setOutcome({ kind: 'fail', text, items: [] });
    }
    if (checked.problems.length) {
      const text = i18n.t('settings.import.invalidRows', checked.invalid, [num(checked.invalid)]);
      return setOutcome({ kind: 'fail', text, items: [] });
    }
    // Deactivating is confirmed by importing after the preview of this very text named who goes.
    if (deactivate && !(deactivation.state === 'ready' && deactivation.csv === csv)) {
      return setOutcome({ kind: 'fail', text: i18n.t('deactivateMissing.waitForPreview'), items: [] });
    }
    setSending(true);
    try {
      const r = deactivate
        ? await client.importPeople(csv, { deactivateMissing: true })
        : await client.importPeople(csv);
      const imported = i18n.t('settings.import.imported', [
        i18n.t('settings.import.personCount', r.created, [num(r.created)]),
        i18n.t('settings.import.personCount', r.updated, [num(r.updated)]),
        i18n.t('settings.import.departmentCount', r.departmentsCreated, [num(r.departmentsCreated)]),
      ]);
      const gone = r.deactivated ? ` ${i18n.t('deactivateMissing.imported', r.deactivated, [num(r.deactivated)])}` : '';
      setOutcome({ kind: 'ok', text: `${imported}${gone}` });
      setImports((n) => n + 1);
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
          ? i18n.t('settings.import.rejectedRows')
          : i18n.t('settings.import.failed', [reason(e)]),
        items: issues.map((i) => (i.line === null ? i.message : problemText({ ...i, line: i.line }))),
      });
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="section" id="section-import" aria-labelledby="import-heading">
      <h2 id="import-heading" tabIndex={-1}>
        {i18n.t('settings.import.heading')}
      </h2>
      <p class="lead">{i18n.t('settings.import.lead')}</p>
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
          <label for="import-file">{i18n.t('settings.import.file')}</label>
          <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => void readFile(e.currentTarget)} />
        </div>
        <Field label={i18n.t('settings.import.csv')} hint={i18n.t('settings.import.csvHint')}>
          <textarea
            id="import-csv"
            rows={8}
            spellcheck={false}
            class="mono"
            placeholder={placeholder()}
            // The header line is what the server reads, in English whatever the page's language.
            translate={false}
            value={csv}
            onInput={(e) => {
              setCsv(e.currentTarget.value);
              // What the last import did is not about the text now being written.
              setOutcome(null);
            }}
          />
        </Field>
        <div class="preview">
          <ImportPreviewTable preview={preview} />
        </div>
        <div class="check">
          <input
            type="checkbox"
            id="import-deactivate"
            checked={deactivate}
            aria-describedby="import-deactivate-hint"
            onChange={(e) => setDeactivate(e.currentTarget.checked)}
          />
          <label for="import-deactivate">{i18n.t('deactivateMissing.option')}</label>
        </div>
        <p class="hint" id="import-deactivate-hint">
          {i18n.t('deactivateMissing.hint')}
        </p>
        <DeactivationNotice preview={deactivation} />
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
            <span>
              {leaving ? i18n.t('deactivateMissing.submit', leaving, [num(leaving)]) : i18n.t('settings.import.submit')}
            </span>
          </button>
        </div>
      </form>
    </section>
  );
}
