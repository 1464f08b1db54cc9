import { Link, Send } from 'lucide';
import type { PageContext } from '../../shared/asks.ts';
import { createAskSchema } from '../../shared/asks.ts';
import { limits } from '../../shared/limits.ts';
import type { RecipientRef } from '../../shared/people.ts';
import { thanksSelf } from '../../shared/rules.ts';
import type { Me } from '../../shared/session.ts';
import { createThankSchema } from '../../shared/thanks.ts';
import { type Api, ApiProblem, composeKey } from '../utils/api.ts';
import { type Field, field, issuesByPath } from './field.ts';
import { h, replace } from './h.ts';
import { icon } from './icon.ts';
import { recipientPicker } from './recipient-picker.ts';

type Mode = 'ask' | 'thank';

export interface Composer {
  el: HTMLElement;
  setPageContext(context: PageContext | null): void;
  focus(): void;
}

/** The Ask / Thank composer: one recipient picker, the mode's fields, Send (or Ctrl/Cmd+Enter). */
export function composer(client: Api, me: Me, onSent: () => void): Composer {
  let mode: Mode = 'ask';
  let context: PageContext | null = null;
  let sending = false;
  const key = composeKey();
  const chosenValues = new Set<string>();

  const picker = recipientPicker({
    id: 'recipient',
    label: 'To',
    search: async (q) => (await client.directory(q)).entries,
    onChange: () => key.current(),
  });

  const subject = h('input', { id: 'ask-subject', type: 'text', maxlength: limits.subject, required: true });
  const details = h('textarea', { id: 'ask-details', rows: 4, maxlength: limits.details });
  const expectedBy = h('input', { id: 'ask-expected-by', type: 'date' });
  const attach = h('input', { id: 'ask-attach', type: 'checkbox', checked: true });
  const contextBox = h('div', { class: 'context-preview' });
  const attachRow = h(
    'div',
    { class: 'attach', hidden: true },
    h('div', { class: 'check' }, attach, h('label', { for: 'ask-attach' }, 'Attach this page')),
    contextBox,
  );
  const message = h('textarea', { id: 'thank-message', rows: 4, maxlength: limits.thankMessage, required: true });
  const privateBox = h('input', { id: 'thank-private', type: 'checkbox' });
  const valueButtons = me.values.map((v) =>
    h(
      'button',
      {
        type: 'button',
        class: 'toggle-chip',
        'aria-pressed': 'false',
        'data-value-id': v.id,
        onclick: (e: MouseEvent) => toggleValue(v.id, e.currentTarget as HTMLButtonElement),
      },
      v.name,
    ),
  );

  const fields: Record<string, Field> = {
    subject: field('Subject', subject),
    details: field('Details', details),
    expectedBy: field('Needed by (optional)', expectedBy),
    message: field('Message', message),
  };
  const valuesError = h('p', { class: 'field-error', id: 'thank-values-error', hidden: true });
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const status = h('p', { id: 'composer-status', class: 'status', role: 'status' });
  const sendButton = h('button', { id: 'send', type: 'submit', class: 'primary' }, icon(Send), h('span', null, 'Send'));

  const askFields = h(
    'div',
    { class: 'mode-fields', id: 'ask-fields' },
    fields.subject.el,
    fields.details.el,
    attachRow,
    fields.expectedBy.el,
  );
  const thankFields = h(
    'div',
    { class: 'mode-fields', id: 'thank-fields', hidden: true },
    fields.message.el,
    me.values.length
      ? h(
          'fieldset',
          { class: 'values', 'aria-describedby': valuesError.id },
          h('legend', null, `Values (up to ${limits.valuesPerThank})`),
          h('div', { class: 'chip-row' }, valueButtons),
          valuesError,
        )
      : null,
    h(
      'div',
      { class: 'check' },
      privateBox,
      h('label', { for: 'thank-private' }, 'Private (only the recipients see it)'),
    ),
  );

  const tabAsk = h(
    'button',
    { type: 'button', id: 'mode-ask', 'aria-pressed': 'true', onclick: () => setMode('ask') },
    'Ask',
  );
  const tabThank = h(
    'button',
    { type: 'button', id: 'mode-thank', 'aria-pressed': 'false', onclick: () => setMode('thank') },
    'Thank',
  );

  const form = h(
    'form',
    { id: 'composer', class: 'composer', 'aria-label': 'Compose', novalidate: true },
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'What to send' }, tabAsk, tabThank),
    picker.el,
    askFields,
    thankFields,
    formError,
    h(
      'div',
      { class: 'send-row' },
      h('span', { class: 'hint' }, navigator.platform.startsWith('Mac') ? '⌘↵ to send' : 'Ctrl+↵ to send'),
      sendButton,
    ),
    status,
  );

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  });
  form.addEventListener('input', () => {
    key.current();
    status.textContent = '';
  });

  function setMode(next: Mode) {
    mode = next;
    tabAsk.setAttribute('aria-pressed', String(mode === 'ask'));
    tabThank.setAttribute('aria-pressed', String(mode === 'thank'));
    askFields.hidden = mode !== 'ask';
    thankFields.hidden = mode !== 'thank';
    picker.setMultiple(mode === 'thank');
    clearErrors();
    key.reset();
  }

  function toggleValue(id: string, button: HTMLButtonElement) {
    if (chosenValues.has(id)) chosenValues.delete(id);
    else if (chosenValues.size < limits.valuesPerThank) chosenValues.add(id);
    button.setAttribute('aria-pressed', String(chosenValues.has(id)));
    key.current();
  }

  function clearErrors() {
    for (const f of Object.values(fields)) f.setError(null);
    picker.setError(null);
    valuesError.hidden = true;
    formError.hidden = true;
  }

  /** Puts each message beside its field; what matches no field goes under the form. */
  function showErrors(byPath: Record<string, string>, fallback?: string) {
    const rest: string[] = [];
    for (const [path, msg] of Object.entries(byPath)) {
      const top = path.split('.')[0];
      if (top === 'to') picker.setError(msg);
      else if (top === 'values') {
        valuesError.textContent = msg;
        valuesError.hidden = false;
      } else if (fields[top]) fields[top].setError(msg);
      else rest.push(top === 'context' ? `Attached page: ${msg}` : msg);
    }
    if (!rest.length && fallback && !Object.keys(byPath).length) rest.push(fallback);
    formError.textContent = rest.join(' ');
    formError.hidden = rest.length === 0;
    const firstInvalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    firstInvalid?.focus();
  }

  async function send() {
    if (sending) return;
    clearErrors();
    const to = picker.picked().map(({ kind, id }) => ({ kind, id }));
    const names = picker
      .picked()
      .map((p) => p.name)
      .join(', ');
    if (mode === 'ask' && to.length === 0) return showErrors({ to: 'Choose who to ask' });
    if (mode === 'thank' && thanksSelf(me.person.id, to)) return showErrors({ to: 'You cannot thank yourself' });
    const request = mode === 'ask' ? askRequest(to[0]) : thankRequest(to);
    if (!request) return;
    sending = true;
    sendButton.disabled = true;
    status.textContent = 'Sending…';
    try {
      const idempotencyKey = key.current();
      await request(idempotencyKey);
      key.reset();
      reset();
      status.textContent = mode === 'ask' ? `Ask sent to ${names}.` : `Thanks sent to ${names}.`;
      onSent();
    } catch (e) {
      status.textContent = '';
      if (e instanceof ApiProblem) showErrors(e.fields, e.message);
      else showErrors({}, e instanceof Error ? e.message : String(e));
    } finally {
      sending = false;
      sendButton.disabled = false;
    }
  }

  /** Validates early with the shared schema; null (errors shown) when the server would refuse it. */
  function askRequest(to: RecipientRef) {
    const parsed = createAskSchema.safeParse({
      to,
      subject: subject.value,
      details: details.value,
      context: attach.checked && context ? context : undefined,
      expectedBy: expectedBy.value || undefined,
    });
    if (!parsed.success) return void showErrors(issuesByPath(parsed.error.issues));
    return (idempotencyKey: string) => client.createAsk(parsed.data, idempotencyKey);
  }

  function thankRequest(to: RecipientRef[]) {
    const parsed = createThankSchema.safeParse({
      to,
      message: message.value,
      values: [...chosenValues],
      visibility: privateBox.checked ? 'private' : 'public',
    });
    if (!parsed.success) return void showErrors(issuesByPath(parsed.error.issues));
    return (idempotencyKey: string) => client.createThank(parsed.data, idempotencyKey);
  }

  function reset() {
    picker.clear();
    for (const el of [subject, details, expectedBy, message]) el.value = '';
    attach.checked = true;
    privateBox.checked = false;
    chosenValues.clear();
    for (const b of valueButtons) b.setAttribute('aria-pressed', 'false');
    picker.input.focus();
  }

  return {
    el: form,
    setPageContext(next) {
      context = next;
      attachRow.hidden = !next;
      if (!next) return replace(contextBox);
      replace(
        contextBox,
        h('p', { class: 'context-title' }, icon(Link, 14), h('span', null, next.title || next.url)),
        h('p', { class: 'context-url' }, next.url),
        next.selection ? h('blockquote', { class: 'context-selection' }, next.selection) : null,
      );
    },
    focus: () => picker.input.focus(),
  };
}
