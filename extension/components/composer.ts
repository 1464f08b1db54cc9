import { Send } from 'lucide';
import type { AskDetail, CreateAsk, PageContext } from '../../shared/asks.ts';
import { createAskSchema } from '../../shared/asks.ts';
import type { RecipientRef } from '../../shared/people.ts';
import { thanksSelf } from '../../shared/rules.ts';
import type { Me } from '../../shared/session.ts';
import { createThankSchema } from '../../shared/thanks.ts';
import { type Api, ApiProblem, composeKey } from '../utils/api.ts';
import { askFields } from './ask-fields.ts';
import { duplicateNotice } from './duplicate-notice.ts';
import { issuesByPath } from './field.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';
import { recipientPicker } from './recipient-picker.ts';
import { thankFields } from './thank-fields.ts';

type Mode = 'ask' | 'thank';

export interface Composer {
  el: HTMLElement;
  setPageContext(context: PageContext | null): void;
  focus(): void;
}

export interface ComposerHandlers {
  sent(): void;
  /** The requester chose to follow an existing ask instead of sending a duplicate. */
  followed(detail: AskDetail): void;
}

/** The Ask / Thank composer: one recipient picker, the mode's fields, Send (or Ctrl/Cmd+Enter). */
export function composer(client: Api, me: Me, on: ComposerHandlers): Composer {
  let mode: Mode = 'ask';
  let sending = false;
  const key = composeKey();
  const duplicate = duplicateNotice();

  const picker = recipientPicker({
    id: 'recipient',
    label: 'To',
    search: async (q) => (await client.directory(q)).entries,
    onChange: () => key.current(),
  });
  const ask = askFields();
  const thank = thankFields(me.values, () => key.current());
  const fields = { ...ask.fields, ...thank.fields };

  const formError = h('p', { class: 'form-error', id: 'composer-error', role: 'alert', hidden: true });
  const status = h('p', { id: 'composer-status', class: 'status', role: 'status' });
  const sendButton = h('button', { id: 'send', type: 'submit', class: 'primary' }, icon(Send), h('span', null, 'Send'));
  const modeButton = (m: Mode, text: string) =>
    h(
      'button',
      { type: 'button', id: `mode-${m}`, 'aria-pressed': String(m === mode), onclick: () => setMode(m) },
      text,
    );
  const tabAsk = modeButton('ask', 'Ask');
  const tabThank = modeButton('thank', 'Thank');
  const shortcut = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘ Enter to send' : 'Ctrl+Enter to send';

  const form = h(
    'form',
    { id: 'composer', class: 'composer', 'aria-label': 'Compose', novalidate: true },
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'Compose mode' }, tabAsk, tabThank),
    picker.el,
    ask.el,
    thank.el,
    formError,
    duplicate.el,
    h('div', { class: 'send-row' }, h('span', { class: 'hint' }, shortcut), sendButton),
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
    duplicate.hide();
  });

  function setMode(next: Mode) {
    mode = next;
    tabAsk.setAttribute('aria-pressed', String(mode === 'ask'));
    tabThank.setAttribute('aria-pressed', String(mode === 'thank'));
    ask.el.hidden = mode !== 'ask';
    thank.el.hidden = mode !== 'thank';
    picker.setMultiple(mode === 'thank');
    clearErrors();
    key.reset();
  }

  function clearErrors() {
    for (const f of Object.values(fields)) f.setError(null);
    picker.setError(null);
    thank.setValuesError(null);
    duplicate.hide();
    formError.hidden = true;
  }

  /** Puts each message beside its field; what matches no field goes under the form. */
  function showErrors(byPath: Record<string, string>, fallback?: string): null {
    const rest: string[] = [];
    for (const [path, msg] of Object.entries(byPath)) {
      const top = path.split('.')[0];
      if (top === 'to') picker.setError(msg);
      else if (top === 'values') thank.setValuesError(msg);
      else if (fields[top]) fields[top].setError(msg);
      else rest.push(top === 'context' ? `Attached page: ${msg}` : msg);
    }
    if (!Object.keys(byPath).length && fallback) rest.push(fallback);
    formError.textContent = rest.join(' ');
    formError.hidden = rest.length === 0;
    const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid === picker.input) picker.focusQuietly();
    else invalid?.focus();
    return null;
  }

  /** Validates early with the shared schemas; returns the request, or null after showing what is wrong. */
  function request(to: RecipientRef[]): ((key: string) => Promise<unknown>) | null {
    if (mode === 'ask') {
      if (to.length === 0) return showErrors({ to: 'Choose who to ask' });
      const parsed = createAskSchema.safeParse({ to: to[0], ...ask.read() });
      if (!parsed.success) return showErrors(issuesByPath(parsed.error.issues));
      return askCall(parsed.data);
    }
    if (thanksSelf(me.person.id, to)) return showErrors({ to: 'You cannot thank yourself' });
    const parsed = createThankSchema.safeParse({ to, ...thank.read() });
    if (!parsed.success) return showErrors(issuesByPath(parsed.error.issues));
    return (k) => client.createThank(parsed.data, k);
  }

  /** Sends an ask; an open one to the same department about the same page stops it with a choice. */
  const askCall = (input: CreateAsk) => async (k: string) => {
    const result = await client.createAsk(input, k);
    if (!('duplicateOf' in result)) return result;
    // Nothing was created. The insisting resend differs (allowDuplicate), so it gets its own key.
    key.reset();
    duplicate.show(result.duplicateOf, {
      follow: async (similar) => {
        try {
          const detail = await client.follow(similar.id, input.context?.url ?? '');
          clearForm();
          on.followed(detail);
        } catch (e) {
          showErrors({}, e instanceof Error ? e.message : String(e));
        }
      },
      sendAnyway: () => send(askCall({ ...input, allowDuplicate: true })),
    });
    return null;
  };

  function clearForm() {
    key.reset();
    picker.clear();
    ask.reset();
    thank.reset();
    duplicate.hide();
  }

  async function send(again?: (key: string) => Promise<unknown>) {
    if (sending) return;
    clearErrors();
    const picked = picker.picked();
    const call = again ?? request(picked.map(({ kind, id }) => ({ kind, id })));
    if (!call) return;
    sending = true;
    sendButton.disabled = true;
    status.textContent = 'Sending…';
    try {
      if ((await call(key.current())) === null) {
        status.textContent = '';
        return;
      }
      clearForm();
      picker.focusQuietly(); // ready for the next one, without covering the confirmation
      const names = picked.map((p) => p.name).join(', ');
      status.textContent = mode === 'ask' ? `Ask sent to ${names}.` : `Thanks sent to ${names}.`;
      on.sent();
    } catch (e) {
      status.textContent = '';
      if (e instanceof ApiProblem) showErrors(e.fields, e.message);
      else showErrors({}, e instanceof Error ? e.message : String(e));
    } finally {
      sending = false;
      sendButton.disabled = false;
    }
  }

  return {
    el: form,
    setPageContext: ask.setPageContext,
    focus: () => picker.input.focus(),
  };
}
