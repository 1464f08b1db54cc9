import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { SimilarAsk } from '../../../shared/asks.ts';
import { reason } from '../../ui/notices.tsx';
import { type Api, ApiProblem, type composeKey } from '../../utils/api.ts';
import { request as askBackground, send as tell } from '../../utils/messages.ts';
import { type Draft, placeErrors, type Refusal } from './compose-draft.ts';
import type { FieldErrors, FieldKey } from './compose-input.ts';
import type { ComposerHandlers } from './composer-form.tsx';

type AskBody = Extract<Draft['request'], { kind: 'ask' }>['body'];

interface SendOptions {
  client: Api;
  on: ComposerHandlers;
  key: ReturnType<typeof composeKey>;
  /** The form as a send, or what is wrong with it. */
  draft(): Promise<{ draft: Draft } | Refusal>;
  /** The send left the form (sent, saved, or an existing ask followed): empty it for the next one. */
  cleared(kind: Draft['request']['kind']): void;
}

/** The line at the top of the form; `done` marks a confirmation (brought into view). */
export interface Status {
  text: string;
  done: boolean;
}

/**
 * Sending and what the form says about it: the status line, errors beside fields, one alert, and the
 * duplicate notice. Every send goes through the outbox: the background writes it to storage with its
 * key, then flushes, and answers what became of it. Only then does the form clear (sent or saved).
 */
export function useSend({ client, on, key, draft, cleared }: SendOptions) {
  const [status, setStatus] = useState<Status | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [similar, setSimilar] = useState<{ ask: SimilarAsk; sent: Draft; body: AskBody } | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  function refuse(refusal: Refusal) {
    setErrors(refusal.errors);
    setAlert(refusal.alert);
    setRefused(refusal);
  }

  /**
   * The send came back to the form that wrote it, which still holds every word: the form is where the
   * person fixes or decides, so the outbox's failed copy would only be a second place to do it.
   */
  const dropFromOutbox = (id: string) => void tell({ type: 'outbox-discard', id });

  async function send(again?: Draft) {
    if (sending.current) return;
    setErrors({});
    setAlert(null);
    setSimilar(null);
    let checked: { draft: Draft } | Refusal;
    try {
      checked = again ? { draft: again } : await draft();
    } catch (e) {
      return refuse({
        errors: {},
        alert: i18n.t('panel.compose.send.checkFailed', [reason(e)]),
      });
    }
    if (!('draft' in checked)) return refuse(checked);
    const next = checked.draft;
    sending.current = true;
    setBusy(true);
    setStatus({ text: i18n.t('panel.compose.send.sending'), done: false });
    try {
      const { id, outcome } = await askBackground({ type: 'outbox-send', item: { ...next, key: key.current() } });
      switch (outcome.state) {
        case 'sent':
          cleared(next.request.kind);
          setStatus({
            text: i18n.t(next.request.kind === 'ask' ? 'panel.compose.send.askSent' : 'panel.compose.send.thanksSent', [
              next.to,
            ]),
            done: true,
          });
          on.sent();
          return;
        case 'pending':
          // Safe in the outbox with its key: the form is free for the next one.
          cleared(next.request.kind);
          setStatus({ text: i18n.t('panel.compose.send.saved'), done: true });
          on.saved();
          return;
        case 'duplicate':
          dropFromOutbox(id);
          setStatus(null);
          // Nothing was created. The insisting resend differs (allowDuplicate), so it gets its own key.
          key.reset();
          if (next.request.kind === 'ask')
            setSimilar({ ask: outcome.duplicateOf, sent: next, body: next.request.body });
          return;
        case 'failed':
          dropFromOutbox(id);
          setStatus(null);
          refuse(placeErrors(outcome.fields, outcome.message));
          if (Object.keys(outcome.fields ?? {}).some((f) => f.split('.')[0] === 'values')) on.stale?.();
          return;
      }
    } catch (e) {
      // The background could not take it: nothing was saved, so the form keeps everything.
      setStatus(null);
      refuse(e instanceof ApiProblem ? placeErrors(e.fields, e.message) : placeErrors({}, reason(e)));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  /** What the duplicate notice offers: follow someone else's ask, open one's own, or send anyway. */
  function duplicate() {
    if (!similar) return null;
    const { ask, sent, body } = similar;
    const fail = (e: unknown) => setAlert(reason(e));
    return {
      similar: ask,
      follow: () =>
        client.follow(ask.id, body.context?.url ?? '').then((detail) => {
          setSimilar(null);
          cleared('ask');
          on.followed(detail);
        }, fail),
      // Their own ask: the draft stays, should they come back to it.
      open: () =>
        client.ask(ask.id).then((detail) => {
          setSimilar(null);
          on.opened(detail);
        }, fail),
      sendAnyway: () => send({ ...sent, request: { kind: 'ask' as const, body: { ...body, allowDuplicate: true } } }),
    };
  }

  return {
    send: () => send(),
    busy,
    status,
    errors,
    alert,
    /** Set anew by each refusal: the form puts the cursor on the first field in error. */
    refused,
    duplicate: duplicate(),
    /** The person changed something: what was said about the last attempt no longer applies. */
    edited() {
      setStatus(null);
      setAlert(null);
      setSimilar(null);
    },
    /**
     * The form checked again after a change to `keys` (an answer that may come after later edits): an
     * error beside a changed field stays only while it is still wrong; none is ever added here.
     */
    recheck(keys: FieldKey[], now: { draft: Draft } | Refusal) {
      const still = 'errors' in now ? now.errors : {};
      setErrors((shown) => {
        const next = { ...shown };
        for (const k of keys) {
          if (!next[k]) continue;
          if (still[k]) next[k] = still[k];
          else delete next[k];
        }
        return next;
      });
    },
    /** Another mode: nothing said about the other one applies. */
    forget() {
      setStatus(null);
      setErrors({});
      setAlert(null);
      setSimilar(null);
    },
  };
}
