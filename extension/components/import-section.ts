import { Upload } from 'lucide';
import { type Api, ApiProblem } from '../utils/api.ts';
import { debounce } from '../utils/debounce.ts';
import { importIssue, importPreview } from '../utils/import-preview.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { importPreviewTable } from './import-preview-table.ts';
import { reason } from './notices.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Admin: people from an HR export (CSV), previewed, then imported all together or not at all. */
export function importSection(client: Api, hooks: { imported(): void; failed(e: unknown): void }) {
  const file = h('input', {
    id: 'import-file',
    type: 'file',
    accept: '.csv,text/csv',
    onchange: () => void readFile(),
  });
  const text = h('textarea', {
    id: 'import-csv',
    rows: 8,
    spellcheck: 'false',
    class: 'mono',
    placeholder: 'name,email,title,departments,role\nAda Lovelace,ada@example.com,Engineer,Platform;Data,member',
    'aria-describedby': 'import-csv-hint',
    oninput: () => debouncedPreview(),
  });
  const previewSlot = h('div', { class: 'preview' });
  const status = h('p', { class: 'status', role: 'status', id: 'import-status' });
  const alert = h('div', { class: 'form-error', role: 'alert', id: 'import-errors', hidden: true });
  const submit = h(
    'button',
    { type: 'submit', id: 'import-submit', class: 'primary' },
    icon(Upload),
    h('span', null, 'Import people'),
  );

  const preview = () => replace(previewSlot, importPreviewTable(importPreview(text.value)));
  const debouncedPreview = debounce(preview, 200);

  async function readFile() {
    const chosen = file.files?.[0];
    if (!chosen) return;
    try {
      text.value = await chosen.text();
      preview();
    } catch (e) {
      showErrors(`Could not read ${chosen.name}: ${reason(e)}`, []);
    }
  }

  function showErrors(message: string, items: string[]) {
    status.textContent = '';
    replace(
      alert,
      h('p', null, message),
      items.length
        ? h(
            'ul',
            null,
            items.map((i) => h('li', null, i)),
          )
        : null,
    );
    alert.hidden = false;
  }

  async function send() {
    status.textContent = '';
    alert.hidden = true;
    if (!text.value.trim()) return showErrors('Choose a CSV file or paste CSV first.', []);
    preview();
    submit.disabled = true;
    try {
      const r = await client.importPeople(text.value);
      status.textContent = `Imported: ${plural(r.created, 'person', 'people')} added, ${plural(r.updated, 'person', 'people')} updated, ${plural(r.departmentsCreated, 'department', 'departments')} created.`;
      hooks.imported();
    } catch (e) {
      hooks.failed(e);
      const issues =
        e instanceof ApiProblem
          ? Object.entries(e.fields)
              .map(([k, m]) => importIssue(k, m))
              .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
          : [];
      showErrors(
        issues.some((i) => i.line !== null)
          ? 'Nothing was imported: fix these rows and import again.'
          : `Nothing was imported: ${reason(e)}`,
        issues.map((i) => (i.line === null ? i.message : `Line ${i.line}, ${i.column}: ${i.message}`)),
      );
    } finally {
      submit.disabled = false;
    }
  }

  const el = h(
    'section',
    { class: 'section', id: 'section-import', 'aria-labelledby': 'import-heading' },
    h('h2', { id: 'import-heading', tabindex: '-1' }, 'Import people'),
    h(
      'p',
      { class: 'lead' },
      'Add or update people from your HR system’s export. People are matched by email; departments that do not exist yet are created. If any row is invalid, nothing is imported.',
    ),
    h(
      'form',
      {
        class: 'card form',
        novalidate: true,
        'aria-labelledby': 'import-heading',
        onsubmit: (e: SubmitEvent) => {
          e.preventDefault();
          void send();
        },
      },
      h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'CSV file'), file),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'import-csv' }, 'CSV to import'),
        text,
        h(
          'p',
          { class: 'hint', id: 'import-csv-hint' },
          'Or paste it here. Columns: name, email, title, departments (separated by ;), role (member, manager or admin).',
        ),
      ),
      previewSlot,
      status,
      alert,
      h('div', { class: 'actions' }, submit),
    ),
  );
  preview();
  return { el, load: async () => {} };
}
