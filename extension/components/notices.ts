import { h } from './h.ts';

/** The reason in an error, for a sentence. */
export const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A section's two live lines: a calm status (role=status) for what just happened, an alert
 * (role=alert) for what failed. Both stay in the DOM so screen readers hear every change.
 */
export function notices(id: string) {
  const status = h('p', { class: 'status', role: 'status', id: `${id}-status` });
  const alert = h('p', { class: 'form-error', role: 'alert', id: `${id}-alert`, hidden: true });
  const clear = () => {
    status.textContent = '';
    alert.textContent = '';
    alert.hidden = true;
  };
  return {
    el: [status, alert],
    ok(text: string) {
      clear();
      status.textContent = text;
    },
    fail(text: string) {
      clear();
      alert.textContent = text;
      alert.hidden = false;
    },
    clear,
  };
}
export type Notices = ReturnType<typeof notices>;
