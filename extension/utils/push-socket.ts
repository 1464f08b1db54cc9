import { pushClose, pushPing, pushPong, pushProtocol } from '../../shared/push.ts';
import { pushOffered, pushUrl } from './api.ts';
import { type StoredSession, sessionItem } from './storage.ts';

/** Chrome ≥ 116 keeps an MV3 service worker alive while a WebSocket exchanges messages within 30 s. */
export const pingEveryMs = 20_000;
/** Reconnects wait a random time up to this, doubling from the first to the last (full jitter). */
const backoffMs = { first: 1_000, last: 5 * 60_000 };
/** After a regroup (an import may close every socket of the organisation at once), reconnects spread over this. */
const regroupSpreadMs = 60_000;
/** A connection that stayed up this long was healthy: the next failure starts the backoff over. */
const healthyMs = 60_000;
/**
 * While pushed, the poll still runs this often: a push lost when the object restarted between a commit and its
 * push is seen within this time. (An ask about to miss its standard is pushed too, by the object's alarm.)
 */
export const safetyPollMs = 30 * 60_000;

export interface PushSocketDeps {
  session(): Promise<StoredSession | null>;
  /** Whether the session's server offers push: true, false (Node: poll), or null (cannot say now: retry). */
  offered(serverUrl: string): Promise<boolean | null>;
  url(serverUrl: string): string;
  connect(url: string, protocols: string[]): WebSocket;
  /**
   * Something concerning me happened (or the socket just opened and may have missed something): sync now. `due`:
   * an ask of mine came within the hour of its due time or passed it, with no new event: ask for notifications.
   */
  pushed(due: boolean): void;
  random?: () => number;
}

/**
 * The extension's push socket (server/worker/push-sockets.ts): while signed in to a server that offers push, one
 * WebSocket on which the server says `{"seq":N}` when something concerns me, and the existing sync runs at once.
 * Pings every 20 s (answered by the runtime without waking the organisation's object, and keeping Chrome's service
 * worker alive); a missed pong or a close reconnects with backoff and jitter. While it is down, or where the server
 * has no push, `up()` is false and the background's minute poll syncs as before.
 */
export function pushSocket(deps: PushSocketDeps) {
  const random = deps.random ?? Math.random;
  let socket: WebSocket | null = null;
  let open = false;
  let failures = 0;
  let generation = 0; // a stop or restart makes earlier timers and sockets stale
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let key = ''; // the session the socket is for: a refresh of my details keeps it
  let lastSync = 0;
  const pushed = (due = false) => {
    lastSync = Date.now();
    deps.pushed(due);
  };

  const clearTimers = () => {
    if (retryTimer) clearTimeout(retryTimer);
    if (pingTimer) clearInterval(pingTimer);
    retryTimer = pingTimer = null;
  };

  const retryLater = (mine: number, ms: number) => {
    if (mine !== generation) return;
    retryTimer = setTimeout(() => void connect(mine), ms);
  };
  const backoff = () => {
    const cap = Math.min(backoffMs.last, backoffMs.first * 2 ** failures);
    failures++;
    return random() * cap;
  };

  async function connect(mine: number): Promise<void> {
    try {
      await attempt(mine);
    } catch (e) {
      console.warn('[tandem] [push] cannot connect', e);
      retryLater(mine, backoff());
    }
  }

  async function attempt(mine: number): Promise<void> {
    if (mine !== generation) return;
    const session = await deps.session();
    if (mine !== generation || !session) return;
    key = `${session.serverUrl} ${session.token}`;
    const offered = await deps.offered(session.serverUrl);
    if (mine !== generation || offered === false) return; // Node: the minute poll it is
    if (offered === null) return retryLater(mine, backoff());
    const ws = deps.connect(deps.url(session.serverUrl), [pushProtocol, session.token]);
    socket = ws;
    let openedAt = 0;
    let awaitingPong = false;
    ws.addEventListener('open', () => {
      if (mine !== generation) return ws.close(1000);
      open = true;
      openedAt = Date.now();
      pushed(); // catch up on what happened while it was down
      pingTimer = setInterval(() => {
        // No pong since the last ping: the connection is dead without having said so.
        if (awaitingPong) return ws.close(4000, 'no pong');
        awaitingPong = true;
        ws.send(pushPing);
      }, pingEveryMs);
    });
    ws.addEventListener('message', (e) => {
      awaitingPong = false;
      if (e.data !== pushPong) pushed(isDue(e.data));
    });
    ws.addEventListener('close', (e) => {
      if (socket !== ws) return;
      socket = null;
      open = false;
      clearTimers();
      if (mine !== generation) return;
      if (openedAt && Date.now() - openedAt > healthyMs) failures = 0;
      if (e.code === pushClose.revoked) return; // signed out: the next sync finds out and signs out
      if (e.code === pushClose.replaced) return; // more browsers than the server allows sockets: this one polls
      retryLater(mine, e.code === pushClose.regroup ? random() * regroupSpreadMs : backoff());
    });
  }

  const stop = () => {
    generation++;
    clearTimers();
    open = false;
    const ws = socket;
    socket = null;
    ws?.close(1000, 'signed out');
  };

  return {
    /** (Re)connects for the current session: at start and whenever the stored session changes to another. */
    async restart(): Promise<void> {
      const session = await deps.session();
      const now = session ? `${session.serverUrl} ${session.token}` : '';
      if (now && now === key && (socket || retryTimer)) return;
      stop();
      key = '';
      failures = 0;
      await connect(generation);
    },
    stop,
    /** Whether pushes arrive now. */
    up: () => open,
    /** Whether the minute alarm should sync: always while no pushes arrive, else every half hour. */
    shouldPoll: () => !open || Date.now() - lastSync >= safetyPollMs,
  };
}

/** Whether a push says an ask came due (`{"seq":N,"due":true}`, server/worker/push-sockets.ts). */
function isDue(data: unknown): boolean {
  try {
    return typeof data === 'string' && (JSON.parse(data) as { due?: unknown }).due === true;
  } catch {
    return false;
  }
}

/** The background's push socket: the stored session, the real server and the browser's WebSocket. */
export const extensionPush = (pushed: (due: boolean) => void) =>
  pushSocket({
    session: () => sessionItem.getValue(),
    offered: (serverUrl) => pushOffered(serverUrl),
    url: pushUrl,
    connect: (url, protocols) => new WebSocket(url, protocols),
    pushed,
  });
