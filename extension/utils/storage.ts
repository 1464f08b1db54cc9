import { storage } from 'wxt/utils/storage';
import type { PageContext } from '../../shared/asks.ts';
import type { Me } from '../../shared/session.ts';

/** Who is signed in, against which server. Cleared on sign-out or when the server refuses the token. */
export interface StoredSession {
  serverUrl: string;
  token: string;
  me: Me;
}

export const sessionItem = storage.defineItem<StoredSession | null>('local:session', {
  fallback: null,
  version: 1,
});

/** The page the action was clicked on, captured by the background for the composer to attach. */
export const pageContextItem = storage.defineItem<PageContext | null>('session:pageContext', {
  fallback: null,
  version: 1,
});

/** The last server the user typed, so signing in again needs only a code. */
export const lastServerItem = storage.defineItem<string>('local:lastServer', {
  fallback: 'http://127.0.0.1:8787',
  version: 1,
});

/** The badge's sync cursor: the last event sequence seen and how many asks wait on whom it was read for. */
export interface WaitingState {
  /** `serverUrl person-id`: a cursor belongs to one account; another sign-in starts over. */
  account: string;
  seq: number;
  waitingOnMe: number;
}

export const waitingItem = storage.defineItem<WaitingState | null>('local:waiting', {
  fallback: null,
  version: 1,
});
