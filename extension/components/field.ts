import { h } from './h.ts';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export interface Field {
  el: HTMLElement;
  setError(message: string | null): void;
}

/** A labelled control with an error line tied to it by aria-describedby and aria-invalid. */
export function field(label: string, control: Control, ...extra: (Node | null)[]): Field {
  const error = h('p', { class: 'field-error', id: `${control.id}-error`, hidden: true });
  const el = h('div', { class: 'field' }, h('label', { for: control.id }, label), control, ...extra, error);
  return { el, setError: (message) => showError(control, error, message) };
}

/** Shows or clears an error message on a control. */
export function showError(control: HTMLElement, error: HTMLElement, message: string | null): void {
  error.textContent = message ?? '';
  error.hidden = !message;
  // A hint the control was already described by stays; the error is added to it, then taken away.
  control.dataset.describedby ??= (control.getAttribute('aria-describedby') ?? '').replace(error.id, '').trim();
  const base = control.dataset.describedby;
  const describedBy = message ? `${base} ${error.id}`.trim() : base;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  else control.removeAttribute('aria-describedby');
}

/** Zod issues or server `fields` as path → first message. */
export function issuesByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path.map(String).join('.')] ??= issue.message;
  return out;
}
