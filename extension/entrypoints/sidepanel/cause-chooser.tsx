import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type Cause, causes } from '../../../shared/cause-list.ts';
import { causeLabel } from '../../ui/cause-labels.ts';
import { reason } from '../../ui/notices.tsx';
import type { Api } from '../../utils/api.ts';

export interface CauseChooserProps {
  client: Api;
  askId: string;
  /** Tapped (the cause, recorded) or skipped (null): the host decides what comes next. */
  done(cause: Cause | null): void;
}

/**
 * "What got in the way?" after the reader's reopen, forward back, decline or low rating: one tap records a
 * category (never a person, no words), Skip or Escape leaves it. Focus comes to the question as it appears.
 */
export function CauseChooser({ client, askId, done }: CauseChooserProps) {
  const id = useId();
  const [sending, setSending] = useState(false);
  const [noted, setNoted] = useState<Cause | null>(null);
  const [error, setError] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => question.current?.focus(), []);

  async function choose(cause: Cause) {
    setSending(true);
    setError(null);
    try {
      await client.noteCause(askId, cause);
      setNoted(cause);
      done(cause);
    } catch (e) {
      setError(i18n.t('causes.failed', [reason(e)]));
    } finally {
      setSending(false);
    }
  }

  if (noted) {
    return (
      <p class="cause-noted" role="status" id="cause-noted">
        {i18n.t('causes.noted', [causeLabel(noted)])}
      </p>
    );
  }
  return (
    <section
      class="cause"
      id="cause-chooser"
      aria-labelledby={`${id}-q`}
      aria-describedby={`${id}-hint`}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !sending) done(null);
      }}
    >
      <p class="cause-question" id={`${id}-q`} tabIndex={-1} ref={question}>
        {i18n.t('causes.question')}
      </p>
      <p class="hint" id={`${id}-hint`}>
        {i18n.t('causes.hint')}
      </p>
      <ul class="chips cause-options">
        {causes.map((c) => (
          <li key={c}>
            <button type="button" data-cause={c} disabled={sending} onClick={() => void choose(c)}>
              {causeLabel(c)}
            </button>
          </li>
        ))}
      </ul>
      <p class="form-error" role="alert" hidden={!error}>
        {error ?? ''}
      </p>
      <button type="button" class="ghost cause-skip" disabled={sending} onClick={() => done(null)}>
        {i18n.t('causes.skip')}
      </button>
    </section>
  );
}
