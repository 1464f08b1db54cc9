import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { Notices, useNotice } from '../../ui/notices.tsx';
import { problemOf } from '../../ui/problems.ts';

interface AdminFormProps<T> {
  /** The id prefix of the form's heading and notices. */
  prefix: string;
  heading: string;
  submitLabel: string;
  /** What to say before the reason when the server refuses ("Could not save"). */
  failure: string;
  /** The form's fields, by the server's path for them (`name`, `hours.end`): where refusals go. */
  keys: readonly string[];
  /** Reads the values to send. */
  values(): T;
  submit(values: T): Promise<void>;
  cancel(): void;
  /** The fields, given each one's error. */
  children(errors: Record<string, string>): ComponentChildren;
}

/**
 * The card form the settings page uses to add or edit: heading, the fields, notices, Cancel and submit;
 * Escape cancels; a refusal puts each message beside its field and focuses the first marked one.
 */
export function AdminForm<T>(props: AdminFormProps<T>) {
  const say = useNotice();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby] input')?.focus();
  }, [errors]);

  async function send() {
    setErrors({});
    say.clear();
    setSending(true);
    try {
      await props.submit(props.values());
    } catch (e) {
      const problem = problemOf(e, props.keys, props.failure);
      setErrors(problem.fields);
      say.fail(problem.alert);
    } finally {
      setSending(false);
    }
  }

  const headingId = `${props.prefix}-heading`;
  return (
    <form
      ref={form}
      class="card form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.cancel();
      }}
    >
      <h3 id={headingId}>{props.heading}</h3>
      {props.children(errors)}
      <Notices id={props.prefix} notice={say.notice} />
      <div class="actions">
        <button type="button" onClick={() => props.cancel()}>
          {i18n.t('settings.common.cancel')}
        </button>
        <button type="submit" class="primary" disabled={sending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
