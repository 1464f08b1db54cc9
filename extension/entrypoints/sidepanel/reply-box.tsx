import { Send } from 'lucide';
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { limits } from '../../../shared/limits.ts';
import { Field } from '../../ui/field.tsx';
import { Icon } from '../../ui/icon.tsx';
import { reason } from '../../ui/notices.tsx';
import { composeKey } from '../../utils/api.ts';
import { validate } from '../../utils/validation.ts';

const shortcut = () =>
  /Mac|iPhone|iPad/.test(navigator.userAgent)
    ? i18n.t('panel.lists.manage.sendShortcutMac')
    : i18n.t('panel.lists.manage.sendShortcut');

/**
 * A reply to the ask: Send reply or Ctrl/Cmd+Enter; one idempotency key per reply written. `onSend`
 * rejects when the reply did not go: the text stays for a retry with the same key.
 */
export function ReplyBox({ onSend }: { onSend(body: string, key: string): Promise<void> }) {
  const [key] = useState(composeKey);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);

  async function send() {
    if (sending) return;
    setSending(true);
    const checked = await validate<{ body: string }>('reply', { body: text }).catch((e: unknown) => ({
      ok: false as const,
      fields: { body: reason(e) },
    }));
    if (!checked.ok) {
      setSending(false);
      setError(checked.fields.body ?? Object.values(checked.fields)[0]);
      input.current?.focus();
      return;
    }
    setError(null);
    try {
      await onSend(checked.data.body, key.current());
      key.reset();
      setText('');
    } catch {
      // The detail says what went wrong.
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      class="reply"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <Field label={i18n.t('panel.lists.manage.reply')} error={error}>
        <textarea
          id="detail-reply"
          ref={input}
          rows={3}
          maxLength={limits.reply}
          value={text}
          onInput={(e) => {
            key.current();
            setText(e.currentTarget.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void send();
            }
          }}
        />
      </Field>
      <div class="send-row">
        <span class="hint">{shortcut()}</span>
        {/* aria-disabled, not disabled: a disabled button drops focus, and the writer may reply again. */}
        <button type="submit" class="primary" aria-disabled={sending ? 'true' : undefined}>
          <Icon node={Send} />
          <span>{i18n.t('panel.lists.manage.sendReply')}</span>
        </button>
      </div>
    </form>
  );
}
