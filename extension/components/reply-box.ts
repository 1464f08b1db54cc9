import { Send } from 'lucide';
import { replySchema } from '../../shared/asks.ts';
import { limits } from '../../shared/limits.ts';
import { composeKey } from '../utils/api.ts';
import { field } from './field.ts';
import { h, uid } from './h.ts';
import { icon } from './icon.ts';

const shortcut = () => (/Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ Enter to send' : 'Ctrl+Enter to send');

/** A reply to the ask: Send reply or Ctrl/Cmd+Enter; one idempotency key per reply written. */
export function replyBox(onSend: (body: string, key: string) => Promise<void>) {
  const id = uid('reply');
  const key = composeKey();
  let sending = false;
  const text = h('textarea', { id, rows: 3, maxlength: limits.reply });
  const reply = field('Reply', text);
  const button = h('button', { type: 'submit', class: 'primary' }, icon(Send), h('span', null, 'Send reply'));
  const form = h(
    'form',
    { class: 'reply', novalidate: true },
    reply.el,
    h('div', { class: 'send-row' }, h('span', { class: 'hint' }, shortcut()), button),
  );

  async function send() {
    if (sending) return;
    const parsed = replySchema.safeParse({ body: text.value });
    if (!parsed.success) {
      reply.setError(parsed.error.issues[0].message);
      return text.focus();
    }
    reply.setError(null);
    sending = true;
    // aria-disabled, not disabled: a disabled button drops focus, and the writer may reply again.
    button.setAttribute('aria-disabled', 'true');
    try {
      await onSend(parsed.data.body, key.current());
      key.reset();
      text.value = '';
    } catch {
      // The detail says what went wrong; the text stays for a retry with the same key.
    } finally {
      sending = false;
      button.removeAttribute('aria-disabled');
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  });
  text.addEventListener('input', () => {
    key.current();
    reply.setError(null);
  });

  return { el: form, focus: () => text.focus() };
}
