import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AskStatus } from '../../../shared/asks.ts';
import { limits } from '../../../shared/limits.ts';
import { Field } from '../../ui/field.tsx';
import { transitionLabel } from '../../ui/labels.ts';
import { validate } from '../../utils/validation.ts';

/** The order buttons appear in; the first one (but Reopen) is the natural next step. */
const order: AskStatus[] = ['acknowledged', 'in_progress', 'resolved', 'waiting_on_requester', 'open', 'declined'];

interface AskActionsProps {
  /** The moves the server allows this reader now. */
  transitions: AskStatus[];
  /** The reader asked: closing their own ask is allowed but not what the panel nudges them to do. */
  mine: boolean;
  /** Rejects when the server refused: a decline keeps its reason for another try. */
  onTransition(status: AskStatus, reason?: string): Promise<void>;
  /** Given to the first button, where focus goes after an action took the clicked one away. */
  firstButton: { current: HTMLButtonElement | null };
}

/** Status buttons with human labels, and Decline asking for a reason inline. Nothing the server would refuse. */
export function AskActions({ transitions, mine, onTransition, firstButton }: AskActionsProps) {
  const allowed = order.filter((s) => transitions.includes(s));
  const canDecline = allowed.includes('declined');
  const primary = mine ? undefined : allowed.find((s) => s !== 'open' && s !== 'declined');
  const [declining, setDeclining] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  /** Where focus goes once the decline form opens or closes: a new object each time. */
  const [focus, setFocus] = useState<{ to: 'reason' | 'decline' } | null>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const declineButton = useRef<HTMLButtonElement>(null);
  const open = declining && canDecline;

  useEffect(() => {
    if (!canDecline) setDeclining(false);
  }, [canDecline]);
  useEffect(() => {
    if (focus) (focus.to === 'reason' ? reasonBox : declineButton).current?.focus();
  }, [focus]);

  function cancel() {
    setDeclining(false);
    setError(null);
    setFocus({ to: 'decline' });
  }

  async function decline() {
    // The server's own rule: a reason of blanks or invisible characters says nothing.
    const checked = await validate<{ reason: string }>('transition', { status: 'declined', reason: text }).catch(
      () => ({ ok: false as const, fields: {} }),
    );
    if (!checked.ok) {
      setError(i18n.t('panel.lists.detail.sayWhy'));
      setFocus({ to: 'reason' });
      return;
    }
    setSending(true);
    onTransition('declined', checked.data.reason)
      .then(() => {
        setText('');
        setError(null);
        setDeclining(false);
      })
      .catch(() => {})
      .finally(() => setSending(false));
  }

  const shown = allowed.filter((s) => !(s === 'declined' && open));
  if (!shown.length && !open) return null;
  return (
    <div class="actions">
      {shown.length ? (
        <div class="action-row">
          {shown.map((status, i) => (
            <button
              key={status}
              ref={(el) => {
                if (status === 'declined') declineButton.current = el;
                if (i === 0) firstButton.current = el;
              }}
              type="button"
              class={status === primary ? 'primary' : status === 'declined' ? 'danger-ghost' : undefined}
              onClick={() => {
                if (status !== 'declined') return void onTransition(status).catch(() => {});
                setDeclining(true);
                setFocus({ to: 'reason' });
              }}
            >
              {transitionLabel[status]}
            </button>
          ))}
        </div>
      ) : null}
      {open ? (
        <form
          class="decline"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void decline();
          }}
        >
          <Field
            label={i18n.t('panel.lists.detail.declineReason')}
            error={error}
            hint={i18n.t('panel.lists.detail.requesterSees')}
          >
            <textarea
              id="detail-decline-reason"
              ref={reasonBox}
              rows={2}
              maxLength={limits.reply}
              value={text}
              onInput={(e) => {
                setText(e.currentTarget.value);
                setError(null);
              }}
            />
          </Field>
          <div class="action-row end">
            <button type="button" onClick={cancel}>
              {i18n.t('panel.lists.detail.cancel')}
            </button>
            <button type="submit" class="danger" disabled={sending}>
              {i18n.t('panel.lists.detail.declineAsk')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
