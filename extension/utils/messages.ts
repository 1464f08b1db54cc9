import { browser } from 'wxt/browser';

/**
 * What the panel tells the background. One message for now: something the person did or saw may have
 * changed what waits on them, so the badge should sync.
 */
export type Message = { type: 'changed' };

const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'changed';

/** From the panel: never throws (the background may be restarting; its alarm catches up). */
export async function send(message: Message): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch (e) {
    console.warn('[tandem] [messages] the background did not answer', e);
  }
}

/** In the background: calls `handler` for our messages only. */
export function onMessage(handler: (message: Message) => Promise<void>): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isMessage(message)) return undefined;
    // Resolving tells the sender it arrived; the handler's own failures are its business.
    return handler(message).then(() => true);
  });
}
