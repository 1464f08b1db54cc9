import { Send } from 'lucide';
import type { AskDetail, PageContext, SimilarAsk } from '../../shared/asks.ts';
import { createAskSchema } from '../../shared/asks.ts';
import type { RecipientRef } from '../../shared/people.ts';
import { thanksSelf } from '../../shared/rules.ts';
import type { Me } from '../../shared/session.ts';
import { createThankSchema } from '../../shared/thanks.ts';
import { type Api, ApiProblem, composeKey } from '../utils/api.ts';
import { directorySearch, warmDirectory } from '../utils/directory-cache.ts';
import { request as askBackground, send as tell } from '../utils/messages.ts';
import type { NewItem } from '../utils/outbox.ts';
import { captureVisibleTab } from '../utils/screenshot.ts';
import { askFields } from './ask-fields.ts';
import { duplicateNotice } from './duplicate-notice.ts';
import { issuesByPath } from './field.ts';
import { h } from './h.ts';
import { icon } from './icon.ts';
import { recipientPicker } from './recipient-picker.ts';
import { shortcutsHint } from './shortcuts-hint.ts';
import { thankFields } from './thank-fields.ts';

type Mode = 'ask' | 'thank';

/** A validated send, before it gets its idempotency key. */
type Draft = Omit<NewItem, 'key'>;

export interface Composer {
  el: HTMLElement;
  setPageContext(context: PageContext | null): void;
  focus(): void;
  /** A quick-capture gesture: switch to `mode` and put the cursor in the recipient picker. */
  start(mode: Mode): void;
}

/** Shown when a send is safe in the outbox but the server could not take it yet. */
export const savedText = 'Saved — will send when the server is reachable.';

const snippetOf = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

export interface ComposerHandlers {
  sent(): void;
  /** The send is in the outbox, waiting for the server. */
  saved(): void;
  /** The requester chose to follow an existing ask instead of sending a duplicate. */
  followed(detail: AskDetail): void;
}

/** The Ask / Thank composer: one recipient picker, the mode's fields, Send (or Ctrl/Cmd+Enter). */
export function composer(client: Api, me: Me, on: ComposerHandlers, account: string): Composer {
  let mode: Mode = 'ask';
  let sending = false;
  const key = composeKey();
  const duplicate = duplicateNotice();

  const picker = recipientPicker({
    id: 'recipient',
    label: 'To',
    search: directorySearch(client, account),
    onChange: () => key.current(),
  });
  warmDirectory(client, account);
  const ask = askFields(captureVisibleTab);
  const thank = thankFields(me.values, () => key.current());
  const fields = { ...ask.fields, ...thank.fields };

  const formError = h('p', { class: 'form-error', id: 'composer-error', role: 'alert', hidden: true });
  const status = h('p', { id: 'composer-status', class: 'status', role: 'status' });
  // Shown when a quick capture reaches an open panel the browser left without the keyboard.
  const keyboardNote = h(
    'p',
    { class: 'keyboard-note', id: 'keyboard-note', role: 'status', hidden: true },
    'The keyboard is still on the page: click here (or press F6) to type in Tandem.',
  );
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
    keyboardNote,
    picker.el,
    ask.el,
    thank.el,
    formError,
    duplicate.el,
    h('div', { class: 'send-row' }, h('span', { class: 'hint' }, shortcut), sendButton),
    status,
    shortcutsHint(),
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

  /** Validates early with the shared schemas; returns the send, or null after showing what is wrong. */
  function draft(picked: { kind: RecipientRef['kind']; id: string; name: string }[]): Draft | null {
    const to: RecipientRef[] = picked.map(({ kind, id }) => ({ kind, id }));
    const names = picked.map((p) => p.name).join(', ');
    if (mode === 'ask') {
      if (to.length === 0) return showErrors({ to: 'Choose who to ask' });
      const parsed = createAskSchema.safeParse({ to: to[0], ...ask.read() });
      if (!parsed.success) return showErrors(issuesByPath(parsed.error.issues));
      const screenshot = ask.screenshot() ?? undefined;
      return {
        request: { kind: 'ask', body: parsed.data },
        to: names,
        snippet: snippetOf(parsed.data.subject),
        ...(screenshot ? { screenshot } : {}),
      };
    }
    if (thanksSelf(me.person.id, to)) return showErrors({ to: 'You cannot thank yourself' });
    const parsed = createThankSchema.safeParse({ to, ...thank.read() });
    if (!parsed.success) return showErrors(issuesByPath(parsed.error.issues));
    return { request: { kind: 'thank', body: parsed.data }, to: names, snippet: snippetOf(parsed.data.message) };
  }

  /**
   * The send came back to the form that wrote it, which still holds every word: the form is where the
   * person fixes or decides, so the outbox's failed copy would only be a second place to do it.
   */
  const dropFromOutbox = (id: string) => void tell({ type: 'outbox-discard', id });

  /** An open ask to the same department about the same page stopped this one: follow it, or insist. */
  function offerDuplicate(sent: Draft, similar: SimilarAsk) {
    if (sent.request.kind !== 'ask') return;
    const input = sent.request.body;
    // Nothing was created. The insisting resend differs (allowDuplicate), so it gets its own key.
    key.reset();
    duplicate.show(similar, {
      follow: async (s) => {
        try {
          const detail = await client.follow(s.id, input.context?.url ?? '');
          clearForm();
          on.followed(detail);
        } catch (e) {
          showErrors({}, e instanceof Error ? e.message : String(e));
        }
      },
      sendAnyway: () => send({ ...sent, request: { kind: 'ask', body: { ...input, allowDuplicate: true } } }),
    });
  }

  function clearForm() {
    key.reset();
    picker.clear();
    ask.reset();
    thank.reset();
    duplicate.hide();
  }

  /**
   * Every send goes through the outbox: the background writes it to storage with its key, then
   * flushes, and answers what became of it. Only then does the form clear (sent or saved).
   */
  async function send(again?: Draft) {
    if (sending) return;
    clearErrors();
    const next = again ?? draft(picker.picked());
    if (!next) return;
    sending = true;
    sendButton.disabled = true;
    status.textContent = 'Sending…';
    try {
      const { id, outcome } = await askBackground({ type: 'outbox-send', item: { ...next, key: key.current() } });
      switch (outcome.state) {
        case 'sent':
          clearForm();
          picker.focusQuietly(); // ready for the next one, without covering the confirmation
          status.textContent = next.request.kind === 'ask' ? `Ask sent to ${next.to}.` : `Thanks sent to ${next.to}.`;
          on.sent();
          return;
        case 'pending':
          // Safe in the outbox with its key: the form is free for the next one.
          clearForm();
          picker.focusQuietly();
          status.textContent = savedText;
          on.saved();
          return;
        case 'duplicate':
          dropFromOutbox(id);
          status.textContent = '';
          offerDuplicate(next, outcome.duplicateOf);
          return;
        case 'failed':
          dropFromOutbox(id);
          status.textContent = '';
          showErrors(outcome.fields, outcome.message);
          return;
      }
    } catch (e) {
      // The background could not take it: nothing was saved, so the form keeps everything.
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
    start(next) {
      if (next !== mode) setMode(next);
      picker.input.focus();
      // Chrome gives a panel that was already open no keyboard focus (w3c/webextensions#693): the
      // caret shows in To while keys still go to the page. Say so until the panel has the keyboard.
      if (!document.hasFocus()) {
        keyboardNote.hidden = false;
        window.addEventListener('focus', () => (keyboardNote.hidden = true), { once: true });
      }
    },
  };
}
