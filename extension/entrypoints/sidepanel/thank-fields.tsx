import type { RefObject } from 'preact';
import { i18n } from '#i18n';
import { limits } from '../../../shared/limits.ts';
import type { CompanyValue } from '../../../shared/people.ts';
import { charCount } from '../../ui/char-count.tsx';
import { Field } from '../../ui/field.tsx';
import type { FieldErrors, ThankInput } from './compose-input.ts';

interface ThankFieldsProps {
  value: ThankInput;
  change(patch: Partial<ThankInput>): void;
  errors: FieldErrors;
  /** The other mode is on. */
  hidden: boolean;
  /** The company's values, offered as toggle chips. */
  values: CompanyValue[];
  messageRef: RefObject<HTMLTextAreaElement>;
}

/** The Thank fields: message, the company's values as toggle chips, and private visibility. */
export function ThankFields({ hidden, value, change, errors, values, messageRef }: ThankFieldsProps) {
  const toggle = (id: string) => {
    const chosen = value.values;
    if (chosen.includes(id)) change({ values: chosen.filter((v) => v !== id) });
    else if (chosen.length < limits.valuesPerThank) change({ values: [...chosen, id] });
  };
  return (
    <div class="mode-fields" id="thank-fields" hidden={hidden}>
      <Field
        label={i18n.t('panel.compose.thankFields.message')}
        error={errors.message}
        hint={charCount(value.message, limits.thankMessage)}
      >
        <textarea
          ref={messageRef}
          id="thank-message"
          rows={4}
          required
          value={value.message}
          onInput={(e) => change({ message: e.currentTarget.value })}
        />
      </Field>
      {values.length ? (
        <fieldset class="values" aria-describedby="thank-values-error">
          <legend>{i18n.t('panel.compose.thankFields.values', [limits.valuesPerThank.toLocaleString()])}</legend>
          <div class="chip-row">
            {values.map((v) => (
              <button
                key={v.id}
                type="button"
                class="toggle-chip"
                aria-pressed={value.values.includes(v.id) ? 'true' : 'false'}
                onClick={() => toggle(v.id)}
              >
                {v.name}
              </button>
            ))}
          </div>
          <p class="field-error" id="thank-values-error" hidden={!errors.values}>
            {errors.values ?? ''}
          </p>
        </fieldset>
      ) : null}
      <div class="check">
        <input
          id="thank-private"
          type="checkbox"
          checked={value.private}
          onChange={(e) => change({ private: e.currentTarget.checked })}
        />
        <label for="thank-private">{i18n.t('panel.compose.thankFields.private')}</label>
      </div>
    </div>
  );
}
