import { Forward } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { limits } from '../../../shared/limits.ts';
import type { Department } from '../../../shared/people.ts';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';

interface ForwardFormProps {
  departments(): Promise<Department[]>;
  /** The department the ask is with now: it is left out of the choices. */
  current: string | null;
  /** Rejects when the forward failed: the form keeps what was chosen and written. */
  onForward(departmentId: string, name: string, note: string): Promise<void>;
}

/** Send the ask on to another department, with a note for them. */
export function ForwardForm({ departments, current, onForward }: ForwardFormProps) {
  const [list, setList] = useState<Department[]>([]);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    let live = true;
    departments().then(
      (all) => live && setList(all),
      (e: unknown) => live && setError(i18n.t('panel.lists.manage.couldNotLoadDepartments', [reason(e)])),
    );
    return () => {
      live = false;
    };
  }, [departments]);

  const choices = list.filter((d) => d.id !== current);
  const chosen = choices.find((d) => d.id === to);

  function submit() {
    if (!chosen) {
      setError(i18n.t('panel.lists.manage.chooseWhere'));
      select.current?.focus();
      return;
    }
    setError(null);
    setSending(true);
    onForward(chosen.id, chosen.name, note.trim())
      .then(() => {
        setNote('');
        setTo('');
      })
      .catch(() => {}) // the detail shows what went wrong
      .finally(() => setSending(false));
  }

  return (
    <form
      class="forward"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div class="forward-row">
        <Field label={i18n.t('panel.lists.manage.forwardTo')} error={error}>
          <select
            id="detail-forward-to"
            ref={select}
            value={chosen ? to : ''}
            onChange={(e) => {
              setTo(e.currentTarget.value);
              setError(null);
            }}
          >
            <option value="">{i18n.t('panel.lists.manage.chooseDepartment')}</option>
            {choices.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={sending}>
          <Icon node={Forward} />
          <span>{i18n.t('panel.lists.manage.forward')}</span>
        </button>
      </div>
      <Field label={i18n.t('panel.lists.manage.noteOptional')}>
        <input
          id="detail-forward-note"
          type="text"
          maxLength={limits.reply}
          autocomplete="off"
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </Field>
    </form>
  );
}
