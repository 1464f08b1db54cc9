import { Plus, Trash2 } from 'lucide';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { pulseLimits } from '../../../shared/pulses.ts';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { problemOf } from '../../ui/problems.ts';
import type { DepartmentPulseResult, PulseAdminApi } from '../../utils/pulse-api.ts';
import { dayText } from './format.ts';

type Action = DepartmentPulseResult['actions'][number];

/** Changes as a list: what, who owns it, by when. */
export function ActionList({ id, title, actions }: { id: string; title: string; actions: Action[] }) {
  return (
    <section class="pulse-actions" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <ul id={id}>
        {actions.map((a, i) => (
          <li key={i}>
            <span translate={false}>{a.text}</span>
            <small>{i18n.t('pulseCard.ownerDue', [a.owner.name, dayText(a.due)])}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface FormProps {
  api: PulseAdminApi;
  pulseId: string;
  result: DepartmentPulseResult;
}

interface Row {
  text: string;
  ownerId: string;
  due: string;
}

const fields = ['text', 'ownerId', 'due'] as const;
const keys = Array.from({ length: pulseLimits.actions }, (_, i) => fields.map((f) => `actions.${i}.${f}`)).flat();

/**
 * "You said, we did": the department's manager (or an admin) records up to three changes, each with an owner
 * from the department and a date; the people who were asked then see them in their panel.
 */
export function PulseActionsForm({ api, pulseId, result }: FormProps) {
  const [rows, setRows] = useState<Row[]>(() =>
    result.actions.map((a) => ({ text: a.text, ownerId: a.owner.id, due: a.due })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState('');
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const base = `pulse-${result.departmentId}-change`;
  // An owner who has left the department stays choosable for the change they own.
  const owners = [
    ...result.owners,
    ...result.actions.map((a) => a.owner).filter((o) => !result.owners.some((m) => m.id === o.id)),
  ];
  const edit = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    // An error goes with its cause: the field edited is no longer what was refused.
    const edited = Object.keys(patch).map((f) => `actions.${i}.${f}`);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !edited.includes(k))));
  };

  async function save() {
    setErrors({});
    setAlert('');
    setSaving(true);
    try {
      await api.setActions(pulseId, result.departmentId, { actions: rows });
      setSaved(true);
    } catch (e) {
      const problem = problemOf(e, keys, i18n.t('leaderboard.pulses.actionsFailed'));
      setErrors(problem.fields);
      setAlert(problem.alert);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      class="pulse-actions pulse-actions-form"
      noValidate
      aria-labelledby={`${base}s-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={`${base}s-title`}>{i18n.t('leaderboard.pulses.actionsTitle')}</h3>
      <p class="table-caption">{i18n.t('leaderboard.pulses.actionsLead', [pulseLimits.actions])}</p>
      {rows.map((r, i) => (
        <fieldset class="pulse-change" key={i}>
          <legend>{i18n.t('leaderboard.pulses.change', [i + 1])}</legend>
          <Field label={i18n.t('leaderboard.pulses.changeText')} error={errors[`actions.${i}.text`]}>
            <input
              id={`${base}-${i}-text`}
              type="text"
              maxLength={pulseLimits.actionText}
              value={r.text}
              onInput={(e) => edit(i, { text: e.currentTarget.value })}
            />
          </Field>
          <Field label={i18n.t('leaderboard.pulses.owner')} error={errors[`actions.${i}.ownerId`]}>
            <select
              id={`${base}-${i}-owner`}
              value={r.ownerId}
              onChange={(e) => edit(i, { ownerId: e.currentTarget.value })}
            >
              <option value="">{i18n.t('leaderboard.pulses.chooseOwner')}</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id} translate={false}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={i18n.t('leaderboard.pulses.due')} error={errors[`actions.${i}.due`]}>
            <input
              id={`${base}-${i}-due`}
              type="date"
              value={r.due}
              onInput={(e) => edit(i, { due: e.currentTarget.value })}
            />
          </Field>
          <button
            type="button"
            class="danger-ghost"
            aria-label={i18n.t('leaderboard.pulses.removeChange', [i + 1])}
            onClick={() => {
              setSaved(false);
              setErrors({});
              setRows(rows.filter((_, j) => j !== i));
            }}
          >
            <Icon node={Trash2} />
          </button>
        </fieldset>
      ))}
      <p class="form-error" role="alert" hidden={!alert}>
        {alert}
      </p>
      <div class="form-actions">
        {rows.length < pulseLimits.actions ? (
          <button
            type="button"
            class="ghost"
            id={`${base}-add`}
            onClick={() => {
              setSaved(false);
              setRows([...rows, { text: '', ownerId: '', due: '' }]);
            }}
          >
            <Icon node={Plus} />
            <span>{i18n.t('leaderboard.pulses.addChange')}</span>
          </button>
        ) : null}
        <button type="submit" class="primary" id={`${base}s-save`} disabled={saving}>
          {i18n.t('leaderboard.pulses.saveChanges')}
        </button>
      </div>
      <p class="pulse-saved" role="status">
        {saved ? i18n.t('leaderboard.pulses.saved') : ''}
      </p>
    </form>
  );
}
