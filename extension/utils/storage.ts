import type { PageContext } from '../../shared/asks.ts';
import type { Inbox } from '../../shared/inbox.ts';
import type { Me } from '../../shared/session.ts';
import type { AskInput, DirectoryItem, ThankInput } from './api.ts';
import { storedItem } from './stored-item.ts';

/** Who is signed in, against which server. Cleared on sign-out or when the server refuses the token. */
export interface StoredSession {
  serverUrl: string;
  token: string;
  me: Me;
}

export const sessionItem = storedItem<StoredSession | null>('local:session', null);

/**
 * The person's details as the server last gave them, for the session holding this token. Kept apart from the
 * session so that refreshing them never writes the session: a sign-out between a refresh's read and its write
 * would otherwise be undone.
 */
export const freshMeItem = storedItem<{ token: string; me: Me } | null>('local:freshMe', null);

/** The session with the person's freshest details; details stored for another token are ignored. */
export const withFreshMe = <S extends StoredSession | null | undefined>(
  session: S,
  fresh: { token: string; me: Me } | null,
) => (session && fresh?.token === session.token ? ({ ...session, me: fresh.me } as S) : session);

/** The stored session as the pages see it: with the person's freshest details. */
export const readSession = async () => withFreshMe(await sessionItem.getValue(), await freshMeItem.getValue());

/** The page the action was clicked on, captured by the background for the composer to attach. */
export const pageContextItem = storedItem<PageContext | null>('session:pageContext', null);

/** People and departments the directory returned before, per account: the picker's fallback offline. */
export const directoryCacheItem = storedItem<{ account: string; entries: DirectoryItem[] } | null>(
  'local:directoryCache',
  null,
);

/** The last server the user typed, so signing in again needs only a code. */
export const lastServerItem = storedItem<string>('local:lastServer', 'http://127.0.0.1:8787');

/** The badge's sync cursor: the last event sequence seen and how many asks wait on whom it was read for. */
export interface WaitingState {
  /** `serverUrl person-id`: a cursor belongs to one account; another sign-in starts over. */
  account: string;
  seq: number;
  waitingOnMe: number;
}

export const waitingItem = storedItem<WaitingState | null>('local:waiting', null);

/** What a quick-capture gesture (shortcut, context menu) asks the panel to open: the composer in this mode. */
export interface ComposeIntent {
  mode: 'ask' | 'thank';
  /** When it was made, so the same mode asked for twice still counts as a change for watchers. */
  at: number;
}

/** Set by the background on a shortcut or context-menu click; the panel applies it once and clears it. */
export const composeIntentItem = storedItem<ComposeIntent | null>('session:composeIntent', null);

/** One send waiting in the outbox (see utils/outbox.ts). */
export type OutboxRequest = { kind: 'ask'; body: AskInput } | { kind: 'thank'; body: ThankInput };

export interface OutboxItem {
  id: string;
  /** The Idempotency-Key every attempt of this send carries, so retries never create a second record. */
  key: string;
  /** `serverUrl person-id`: only this person's session may send it. */
  account: string;
  request: OutboxRequest;
  /** For the Outbox list: who it goes to and its subject or message. */
  to: string;
  snippet: string;
  createdAt: number;
  state: 'pending' | 'failed';
  /** The server's refusal, for failed items. */
  error?: string;
  /** Refused as a duplicate of an open ask: Retry sends it anyway (allowDuplicate, a fresh key). */
  duplicate?: boolean;
  /** An ask's screenshot (JPEG data URL), uploaded before the ask; its id once the server has it. */
  screenshot?: string;
  screenshotId?: string;
}

/**
 * Sends written before any network call and removed once the server has them. `local`, not `session`:
 * they must survive a browser restart. Only the background writes it (utils/outbox.ts).
 */
export const outboxItem = storedItem<OutboxItem[]>('local:outbox', []);

/** A list as last seen, for one account: shown at once when the panel opens again, while it refreshes. */
export interface SeenList<T> {
  account: string;
  seenAt: number;
  data: T;
}

/**
 * The inbox as last seen. `session`: in memory only, gone when the browser closes (it holds people's
 * messages); the panel reopened in the same browser paints it before the server answers.
 */
export const seenInboxItem = storedItem<SeenList<Inbox> | null>('session:seenInbox', null);
/** What browser notifications have told this account: the event cursor, and the ids of asks due now already told. */
export interface NotifiedState {
  /** `serverUrl person-id`: another sign-in starts over (its first sync only sets the cursor). */
  account: string;
  seq: number;
  /** Items told by id (asks due within the hour or overdue are a state the server repeats), newest last. */
  told: string[];
  /** When the server was last asked: due-soon asks are looked for every few minutes even when nothing changed. */
  checkedAt: number;
}

// Pure: the panel's bundle drops the items only the background uses.
export const notifiedItem = /* @__PURE__ */ storedItem<NotifiedState | null>('local:notified', null);

/** What a notification click asks the panel to show: an ask (with its rating for "Rate and thank"), or the inbox. */
export interface PanelIntent {
  askId?: string;
  rate?: boolean;
  /** When it was made, so the same ask asked for twice still counts as a change for watchers. */
  at: number;
}

/** Set by the background on a notification click; the panel applies it once and clears it. */
export const panelIntentItem = storedItem<PanelIntent | null>('session:panelIntent', null);

/** Which notification shows what (the background may be stopped between showing one and its click). */
export const notificationTargetsItem = /* @__PURE__ */ storedItem<Record<string, { askId?: string; rate?: boolean }>>(
  'session:notificationTargets',
  {},
);

/** Signed out: the session goes, and with it what it held of the person (their details, their inbox as seen). */
export const endSession = () =>
  Promise.all([sessionItem.setValue(null), freshMeItem.removeValue(), seenInboxItem.removeValue()]);

/** The "you said, we did" cards a person dismissed, by account: pulse ids, newest last (a few dozen at most). */
export const dismissedPulsesItem = /* @__PURE__ */ storedItem<Record<string, string[]>>('local:dismissedPulses', {});
