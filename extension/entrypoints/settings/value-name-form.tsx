import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { valueLimits } from '../../../shared/values.ts';
import { Field } from '../../ui/field.tsx';
import { problemOf } from '../../ui/problems.ts';

interface NameFormProps {
  id: string;
  label: string;
  initial?: string;
  submitLabel: string;
  /** How a refusal's alert begins: "Could not rename Craft". */
  what: string;
  autoFocus?: boolean;
  /** Shown under the field while nothing is wrong. */
  hint?: string;
  disabled?: boolean;
  cancel?(): void;
  /** Sends the name; a refusal is thrown back here and shown on the field. */
  submit(name: string): Promise<void>;
}

/** One value's name: the add form, or a rename in place (Escape cancels). The server's refusal shows on the field. */
export function ValueNameForm(props: NameFormProps) {
  const [name, setName] = useState(props.initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.autoFocus) input.current?.select();
  }, [props.autoFocus]);

  async function send() {
    setError(null);
    setAlert(null);
    setBusy(true);
    try {
      await props.submit(name);
      if (props.initial === undefined) setName('');
    } catch (e) {
      const problem = problemOf(e, ['name'], props.what);
      setError(problem.fields.name ?? null);
      setAlert(problem.alert);
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="value-name-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && props.cancel) {
          e.preventDefault();
          props.cancel();
        }
      }}
    >
      <Field
        label={props.label}
        error={error}
        hint={props.hint ?? i18n.t('values.settings.nameHint', [valueLimits.name.toLocaleString()])}
      >
        <input
          ref={input}
          id={props.id}
          type="text"
          autoComplete="off"
          required
          disabled={props.disabled}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </Field>
      <div class="actions">
        {props.cancel ? (
          <button type="button" onClick={props.cancel}>
            {i18n.t('settings.common.cancel')}
          </button>
        ) : null}
        <button type="submit" class="primary" disabled={busy || props.disabled}>
          {props.submitLabel}
        </button>
      </div>
      <p class="form-error" role="alert" hidden={!alert}>
        {alert ?? ''}
      </p>
    </form>
  );
}
