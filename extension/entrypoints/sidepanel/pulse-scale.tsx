import { useId } from 'preact/hooks';
import { pulseScale as points } from '../../../shared/pulses.ts';

interface PulseScaleProps {
  /** What a screen reader hears for the group: the dimension and the scale ("Communication: How they did"). */
  label: string;
  /** The scale's name as shown ("How they did"): the dimension is the fieldset's legend. */
  shown: string;
  value: number | undefined;
  onChange(value: number): void;
  invalid: boolean;
  /** Set on the group that focus should go to (the first one missing). */
  groupRef?: (el: HTMLDivElement | null) => void;
}

/**
 * A labelled 1–7 radio group drawn as a row of numbered buttons that wraps in a narrow panel. The radios are real
 * (transparent over their numbers): clicks, arrow keys and assistive technology reach the native control.
 */
export function PulseScale({ label, shown, value, onChange, invalid, groupRef }: PulseScaleProps) {
  const name = useId();
  return (
    <div class="pulse-scale">
      <span class="pulse-scale-label" aria-hidden="true">
        {shown}
      </span>
      <div
        role="radiogroup"
        class="pulse-points"
        aria-label={label}
        aria-required="true"
        aria-invalid={invalid ? 'true' : undefined}
        ref={groupRef}
      >
        {points.map((n) => (
          <label key={n} class={n === value ? 'pulse-point on' : 'pulse-point'}>
            <input type="radio" name={name} value={n} checked={n === value} onChange={() => onChange(n)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
