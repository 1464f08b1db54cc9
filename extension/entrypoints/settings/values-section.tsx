import './values-section.css';
import { ArchiveRestore } from 'lucide';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { limits } from '../../../shared/limits.ts';
import { type ValueItem, valueLimits } from '../../../shared/values.ts';
import { Icon } from '../../ui/icon.tsx';
import { Notices, reason, useNotice } from '../../ui/notices.tsx';
import { newIdempotencyKey } from '../../utils/idempotency-key.ts';
import { useSettings } from './settings-context.ts';
import { useLoad } from './use-load.ts';
import { ValueNameForm } from './value-name-form.tsx';
import { type ValueFocus, ValueRow } from './value-row.tsx';

/**
 * Admin: the company values people pick when they thank someone. The ones in use in their order (move up
 * and down, rename in place, retire), an add field, and the retired ones apart (restore).
 */
export function ValuesSection() {
  const { client, failed } = useSettings();
  const say = useNotice();
  const { fail } = say;
  const load = useCallback(() => client.values(true).then((r) => r.values), [client]);
  const loadFailed = useCallback(
    (e: unknown) => {
      failed(e);
      fail(i18n.t('values.settings.loadFailed', [reason(e)]));
    },
    [failed, fail],
  );
  const list = useLoad(load, loadFailed);
  const [focus, setFocus] = useState<ValueFocus | null>(null);
  /** One key per value being added, so a retried add is not a second value. */
  const addKey = useRef(newIdempotencyKey());
  const restoreButtons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (focus?.action === 'restore') restoreButtons.current.get(focus.id)?.focus();
  }, [focus]);

  const refocus = (id: string, action: ValueFocus['action']) => setFocus((f) => ({ id, action, n: (f?.n ?? 0) + 1 }));
  const all = list.value ?? [];
  const active = all.filter((v) => !v.retired);
  const retired = all.filter((v) => v.retired);
  const full = active.length >= valueLimits.active;

  /** Calls the API; a 401 signs the page out, and the refusal goes on to the caller. */
  async function call<T>(request: Promise<T>) {
    say.clear();
    try {
      return await request;
    } catch (e) {
      failed(e);
      throw e;
    }
  }

  async function move(v: ValueItem, by: -1 | 1) {
    const ids = active.map((a) => a.id);
    const at = ids.indexOf(v.id);
    [ids[at], ids[at + by]] = [ids[at + by], ids[at]];
    try {
      const { values } = await call(client.reorderValues(ids));
      list.setValue([...values, ...retired]);
      const now = at + by;
      say.ok(i18n.t('values.settings.moved', [v.name, now + 1, values.length]));
      // At the end it moved to, its button is disabled: focus stays on the row with the other one.
      const edge = (by < 0 && now === 0) || (by > 0 && now === values.length - 1);
      refocus(v.id, by < 0 !== edge ? 'up' : 'down');
    } catch (e) {
      say.fail(i18n.t('values.settings.moveFailed', [v.name, reason(e)]));
    }
  }

  async function setRetired(v: ValueItem, retire: boolean) {
    try {
      await call(client.updateValue(v.id, { retired: retire }));
      await list.reload();
      say.ok(i18n.t(retire ? 'values.settings.retiredNotice' : 'values.settings.restored', [v.name]));
      refocus(v.id, retire ? 'restore' : 'retire');
    } catch (e) {
      say.fail(i18n.t(retire ? 'values.settings.retireFailed' : 'values.settings.restoreFailed', [v.name, reason(e)]));
    }
  }

  return (
    <section class="section" id="section-values" aria-labelledby="values-heading">
      <h2 id="values-heading" tabIndex={-1}>
        {i18n.t('values.settings.heading')}
      </h2>
      <p class="lead">
        {i18n.t('values.settings.lead', [limits.valuesPerThank.toLocaleString(), valueLimits.active.toLocaleString()])}
      </p>
      <div class="card">
        <ValueNameForm
          id="value-new"
          label={i18n.t('values.settings.newLabel')}
          submitLabel={i18n.t('values.settings.add')}
          what={i18n.t('values.settings.addFailed')}
          disabled={full}
          hint={full ? i18n.t('values.settings.full', [valueLimits.active.toLocaleString()]) : undefined}
          submit={async (name) => {
            const added = await call(client.createValue(name, addKey.current));
            addKey.current = newIdempotencyKey();
            await list.reload();
            say.ok(i18n.t('values.settings.added', [added.name]));
          }}
        />
      </div>
      <Notices id="values" notice={say.notice} />
      <div class="values-group" aria-busy={list.busy || undefined}>
        <h3 id="values-in-use">
          {i18n.t('values.settings.inUse', [active.length.toLocaleString(), valueLimits.active.toLocaleString()])}
        </h3>
        {list.value && active.length === 0 ? <p class="empty">{i18n.t('values.settings.none')}</p> : null}
        {active.length ? (
          <ol class="value-list" id="value-list" aria-labelledby="values-in-use">
            {active.map((v, i) => (
              <ValueRow
                key={v.id}
                value={v}
                first={i === 0}
                last={i === active.length - 1}
                focus={focus?.id === v.id ? focus : null}
                move={(by) => void move(v, by)}
                retire={() => void setRetired(v, true)}
                closed={() => refocus(v.id, 'rename')}
                rename={async (name) => {
                  const renamed = await call(client.updateValue(v.id, { name }));
                  list.setValue(all.map((x) => (x.id === v.id ? renamed : x)));
                  say.ok(i18n.t('values.settings.renamed', [v.name, renamed.name]));
                }}
              />
            ))}
          </ol>
        ) : null}
      </div>
      {retired.length ? (
        <div class="values-group">
          <h3 id="values-retired">{i18n.t('values.settings.retiredHeading')}</h3>
          <ul class="value-list retired" id="retired-value-list" aria-labelledby="values-retired">
            {retired.map((v) => (
              <li key={v.id} class="value-row">
                <span class="value-name" translate={false}>
                  {v.name}
                </span>
                <span class="pill pill-muted">{i18n.t('values.settings.retiredPill')}</span>
                <button
                  ref={(b) => {
                    if (b) restoreButtons.current.set(v.id, b);
                    else restoreButtons.current.delete(v.id);
                  }}
                  type="button"
                  class="small"
                  aria-label={i18n.t('values.settings.restoreNamed', [v.name])}
                  disabled={full}
                  onClick={() => void setRetired(v, false)}
                >
                  <Icon node={ArchiveRestore} />
                  <span>{i18n.t('values.settings.restore')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
