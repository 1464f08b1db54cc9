import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { NewItem, Outcome } from './outbox.ts';
import type { Checked, SchemaName } from './validation.ts';

/**
 * What the panel tells the background. The background is the outbox's only writer and flusher, so
 * the panel asks it to enqueue, flush, retry and discard; `changed` asks for a badge sync.
 */
export type Message =
  | { type: 'changed' }
  /** Write this send to the outbox, then flush; answers what became of it. */
  | { type: 'outbox-send'; item: NewItem }
  | { type: 'outbox-flush' }
  | { type: 'outbox-retry'; id: string }
  | { type: 'outbox-discard'; id: string }
  /** Checks a form's values against a shared schema (utils/validation.ts): the panel has no zod. */
  | { type: 'validate'; schema: SchemaName; body: unknown };

/** What each message answers. */
export interface Replies {
  changed: null;
  'outbox-send': { id: string; outcome: Outcome };
  'outbox-flush': null;
  'outbox-retry': null;
  'outbox-discard': null;
  validate: Checked;
}

export type Reply<M extends Message> = Replies[M['type']];
export type Handlers = { [K in Message['type']]: (message: Extract<Message, { type: K }>) => Promise<Replies[K]> };

/** The wire format: a background failure reaches the sender as a rejection, not as `undefined`. */
type Envelope = { ok: true; reply: unknown } | { ok: false; error: string };

const types = new Set<string>(['changed', 'outbox-send', 'outbox-flush', 'outbox-retry', 'outbox-discard', 'validate']);
const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && types.has((m as { type?: unknown }).type as string);

/** From the panel, waiting for the answer. Rejects when the background cannot be reached or failed. */
export async function request<M extends Message>(message: M): Promise<Reply<M>> {
  const envelope = (await browser.runtime.sendMessage(message)) as Envelope | undefined;
  if (!envelope) throw new Error(i18n.t('ui.backgroundSilent'));
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.reply as Reply<M>;
}

/** From the panel, fire and forget: never throws (the background may be restarting; its alarm catches up). */
export async function send(message: Message): Promise<void> {
  try {
    await request(message);
  } catch (e) {
    console.warn('[tandem] [messages] the background did not answer', e);
  }
}

/** In the background: answers our messages only, each with its handler. */
export function onMessage(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse?: (r: Envelope) => void) => {
    if (!isMessage(message)) return undefined;
    const handle = handlers[message.type] as (m: Message) => Promise<unknown>;
    const answer: Promise<Envelope> = handle(message).then(
      (reply) => ({ ok: true, reply: reply ?? null }),
      (e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
    // Chrome keeps the channel open only for `return true` plus sendResponse; Firefox accepts either;
    // WXT's fake browser (unit tests) passes no sendResponse and resolves the returned promise.
    if (!sendResponse) return answer;
    void answer.then(sendResponse);
    return true;
  });
}
