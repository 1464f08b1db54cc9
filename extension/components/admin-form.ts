import type { Field } from './field.ts';
import { clearProblems, showProblem } from './form-errors.ts';
import { h } from './h.ts';
import { notices } from './notices.ts';

export interface AdminFormOptions<T> {
  /** The id prefix of the form's controls. */
  prefix: string;
  heading: string;
  submitLabel: string;
  fields: Record<string, Field>;
  /** What to say before the reason when the server refuses ("Could not save"). */
  failure: string;
  /** Reads the values to send. */
  values(): T;
  submit(values: T): Promise<void>;
  cancel(): void;
}

/**
 * The card form the settings page uses to add or edit: heading, the given content, notices, Cancel
 * and submit; Escape cancels; a refusal puts each message beside its field and focuses the first.
 */
export function adminForm<T>(o: AdminFormOptions<T>, ...content: (Node | null | undefined)[]): HTMLFormElement {
  const say = notices(o.prefix);
  const submit = h('button', { type: 'submit', class: 'primary' }, o.submitLabel);
  const headingId = `${o.prefix}-heading`;

  async function send() {
    clearProblems(o.fields);
    say.clear();
    submit.disabled = true;
    try {
      await o.submit(o.values());
    } catch (e) {
      showProblem(o.fields, e, say, o.failure);
      form.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby] input')?.focus();
    } finally {
      submit.disabled = false;
    }
  }

  const form = h(
    'form',
    {
      class: 'card form',
      novalidate: true,
      'aria-labelledby': headingId,
      onsubmit: (e: SubmitEvent) => {
        e.preventDefault();
        void send();
      },
      onkeydown: (e: KeyboardEvent) => {
        if (e.key === 'Escape') o.cancel();
      },
    },
    h('h3', { id: headingId }, o.heading),
    ...content,
    say.el,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => o.cancel() }, 'Cancel'), submit),
  );
  return form;
}
