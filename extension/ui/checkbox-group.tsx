import { useId } from 'preact/hooks';
import { i18n } from '#i18n';

interface CheckboxGroupProps {
  legend: string;
  options: { value: string; label: string; title?: string }[];
  checked: readonly string[];
  onChange(values: string[]): void;
  error?: string | null;
  /** Said instead of the boxes when there is nothing to choose. */
  empty?: string;
}

/** A fieldset of checkboxes under a legend (departments, weekdays), with its own error line. */
export function CheckboxGroup({ legend, options, checked, onChange, error, empty }: CheckboxGroupProps) {
  const id = useId();
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : checked.includes(v))));
  return (
    <fieldset class="checks" id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.length ? (
        <div class="check-grid">
          {options.map((o) => (
            <div class="check" key={o.value}>
              <input
                type="checkbox"
                id={`${id}-${o.value}`}
                value={o.value}
                checked={checked.includes(o.value)}
                onChange={(e) => toggle(o.value, e.currentTarget.checked)}
              />
              <label for={`${id}-${o.value}`} title={o.title}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      ) : (
        <p class="hint">{empty ?? i18n.t('ui.nothingToChoose')}</p>
      )}
      <p class="field-error" id={`${id}-error`} hidden={!error}>
        {error ?? ''}
      </p>
    </fieldset>
  );
}
