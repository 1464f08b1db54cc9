import './departments-section.css';
import { Plus } from 'lucide';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import type { DepartmentItem } from '../../utils/api.ts';
import { newIdempotencyKey } from '../../utils/idempotency-key.ts';
import { DepartmentCard } from './department-card.tsx';
import { DepartmentForm } from './department-form.tsx';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';

/** Where focus goes back to after a form closes: the Add button or one department's Edit button. */
type FocusBack = { to: 'add' | (string & {}); n: number };

/** Admin: every department's catalogue, standard and hours; edit them or add a department. */
export function DepartmentsSection() {
  const { client, departments, failed } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('settings.departments.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const list = useLoad(departments.get, loadFailed);
  /** The open add form's idempotency key: one per form, so a retried create is not a second department. */
  const [adding, setAdding] = useState<string | null>(null);
  const [editing, setEditing] = useState<readonly string[]>([]);
  const [focusBack, setFocusBack] = useState<FocusBack | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusBack?.to === 'add') addButton.current?.focus();
  }, [focusBack]);
  const returnFocus = (to: FocusBack['to']) => setFocusBack((f) => ({ to, n: (f?.n ?? 0) + 1 }));
  const stopEditing = (id: string) => setEditing((ids) => ids.filter((i) => i !== id));

  /** Calls the API; a 401 signs the page out, and the refusal still reaches the form. */
  async function call<T>(request: Promise<T>) {
    try {
      return await request;
    } catch (e) {
      failed(e);
      throw e;
    }
  }

  async function saved(text: string, id: string) {
    departments.invalidate();
    say.ok(text);
    await list.reload();
    returnFocus(id);
  }

  function openAdd() {
    say.clear();
    setAdding(newIdempotencyKey());
  }

  function edit(d: DepartmentItem) {
    say.clear();
    setEditing((ids) => (ids.includes(d.id) ? ids : [...ids, d.id]));
  }

  return (
    <section class="section" id="section-departments" aria-labelledby="departments-heading">
      <div class="section-header">
        <h2 id="departments-heading" tabIndex={-1}>
          {i18n.t('settings.departments.heading')}
        </h2>
        <button
          ref={addButton}
          type="button"
          id="add-department-open"
          class="primary"
          hidden={adding !== null}
          onClick={openAdd}
        >
          <Icon node={Plus} />
          <span>{i18n.t('settings.departments.add')}</span>
        </button>
      </div>
      <p class="lead">{i18n.t('settings.departments.lead')}</p>
      <div id="add-department">
        {adding !== null ? (
          <DepartmentForm
            key={adding}
            heading={i18n.t('settings.departments.newHeading')}
            submitLabel={i18n.t('settings.departments.create')}
            cancel={() => {
              setAdding(null);
              returnFocus('add');
            }}
            submit={async (values) => {
              const created = await call(client.createDepartment(values, adding));
              setAdding(null);
              await saved(i18n.t('settings.departments.added', [created.name]), created.id);
            }}
          />
        ) : null}
      </div>
      <Notices id="departments" notice={say.notice} />
      <div class="card-list" id="department-list" aria-busy={list.busy || undefined}>
        {list.value?.length === 0 ? <p class="empty">{i18n.t('settings.departments.none')}</p> : null}
        {list.value?.map((d) =>
          editing.includes(d.id) ? (
            <DepartmentForm
              key={d.id}
              department={d}
              heading={i18n.t('settings.common.editHeading', [d.name])}
              submitLabel={i18n.t('settings.common.saveChanges')}
              cancel={() => {
                stopEditing(d.id);
                returnFocus(d.id);
              }}
              submit={async ({ offers, standard, hours }) => {
                await call(client.updateDepartment(d.id, { offers, standard, hours }));
                stopEditing(d.id);
                await saved(i18n.t('settings.departments.saved', [d.name]), d.id);
              }}
            />
          ) : (
            <DepartmentCard
              key={d.id}
              department={d}
              edit={() => edit(d)}
              focusToken={focusBack?.to === d.id ? focusBack.n : 0}
            />
          ),
        )}
      </div>
    </section>
  );
}
