import { Star } from 'lucide';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { Icon } from '../../ui/icon.tsx';

interface StarRatingProps {
  label: string;
  value: number | undefined;
  onChange(value: number): void;
  required?: boolean;
  small?: boolean;
  error?: string | null;
  /** A new object each time focus should go to the stars (the chosen one, else the first). */
  focus?: object | null;
}

/**
 * A labelled 1–5 radio group drawn as stars. The radios are real and sit over their stars (transparent),
 * so clicks, arrow keys and assistive technology all reach the native control.
 */
export function StarRating({ label, value, onChange, required, small, error, focus }: StarRatingProps) {
  const name = useId();
  const target = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (focus) target.current?.focus();
  }, [focus]);
  const errorId = `${name}-error`;
  return (
    <div class="star-field">
      <span class="star-label" id={`${name}-label`}>
        {label}
      </span>
      <div
        role="radiogroup"
        class={small ? 'stars stars-small' : 'stars'}
        aria-labelledby={`${name}-label`}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} class={n <= (value ?? 0) ? 'star filled' : 'star'}>
            <input
              ref={n === (value ?? 1) ? target : undefined}
              type="radio"
              name={name}
              value={n}
              class="star-input"
              aria-label={i18n.t('panel.lists.stars', n)}
              checked={n === value}
              onChange={() => onChange(n)}
            />
            <Icon node={Star} size={small ? 18 : 24} />
          </span>
        ))}
      </div>
      <p class="field-error" id={errorId} hidden={!error}>
        {error ?? ''}
      </p>
    </div>
  );
}
