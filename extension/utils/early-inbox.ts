import { makeClient } from './client.ts';
import { markInboxAsked } from './marks.ts';
import type { StoredSession } from './storage.ts';

/** The inbox's answer as `unwrap` (api.ts) reads it, its body already parsed. */
interface Answer {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}
interface EarlyInbox {
  serverUrl: string;
  token: string;
  at: number;
  answer: Promise<Answer>;
}
/** On the page's global: asked for by the panel's first script, taken by its modules, bundled apart. */
const slot = globalThis as { tandemEarlyInbox?: EarlyInbox };

/**
 * Asks for the inbox as the panel opens on it, while the panel's modules load: its answer is in by the time
 * the views render (entrypoints/sidepanel-start.ts).
 */
export function askInboxEarly({ serverUrl, token }: Pick<StoredSession, 'serverUrl' | 'token'>): void {
  const answer = makeClient(serverUrl, token)
    .v1.inbox.$get()
    .then(async (res) => {
      const body = await res.json().catch(() => null);
      return { ok: res.ok, status: res.status, json: async () => body };
    });
  answer.catch(() => {}); // unwrap reports a failure to whoever takes it
  slot.tandemEarlyInbox = { serverUrl, token, at: Date.now(), answer };
  markInboxAsked();
}

/** The early answer for this session, once and while fresh; null when there is none (the caller asks then). */
export function takeEarlyInbox({
  serverUrl,
  token,
}: Pick<StoredSession, 'serverUrl' | 'token'>): Promise<Answer> | null {
  const early = slot.tandemEarlyInbox;
  slot.tandemEarlyInbox = undefined;
  const ours = early?.serverUrl === serverUrl && early.token === token && Date.now() - early.at < 10_000;
  return ours ? early.answer : null;
}
