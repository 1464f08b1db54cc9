import { type ComponentChildren, cloneElement, type VNode } from 'preact';

interface FieldProps {
  label: string;
  /** The one control; it gets the label's id, aria-invalid and the error in aria-describedby. */
  children: VNode<{ id?: string; 'aria-describedby'?: string }>;
  error?: string | null;
  /** A hint under the control, read with it. */
  hint?: ComponentChildren;
}

/** A labelled control with its hint and an error line tied to it by aria-describedby and aria-invalid. */
export function Field({ label, children, error, hint }: FieldProps) {
  const id = children.props.id as string;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {cloneElement(children, { 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined })}
      {hint ? (
        <p class="hint" id={hintId ?? undefined}>
          {hint}
        </p>
      ) : null}
      <p class="field-error" id={errorId} hidden={!error}>
        {error ?? ''}
      </p>
    </div>
  );
}
