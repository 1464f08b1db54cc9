import { api, type NotificationItem } from './api.ts';
import { showNotifications } from './notification-display.ts';
import { type NotifiedState, notifiedItem, sessionItem, waitingItem } from './storage.ts';

/** Pages read per sync at most: a browser closed for a week catches up over a few syncs, not in one burst. */
const maxPages = 5;
/** Ids remembered: enough for every due-soon ask the server repeats (it sends at most 20). */
const keptIds = 200;
/** Asks fall due with no event: the server is asked this often even when nothing changed. */
export const dueCheckMs = 5 * 60_000;

/** The sync in progress: the next waits for it. */
let running: Promise<unknown> = Promise.resolve();

/**
 * After each badge sync: asks the server what this person should be told since the notified cursor and
 * shows it. The first sync after a sign-in only sets the cursor (no flood of history); in quiet hours the
 * cursor moves on and nothing is shown (the items wait in the panel). `due` (a push said an ask came due): ask
 * even if nothing changed and it was asked a moment ago. Returns the notifications shown.
 */
export function notifyChanges(now = Date.now(), due = false): Promise<string[]> {
  // One at a time: syncs overlap (a push, the minute poll, a panel's "changed"), and two that read the same
  // cursor before either wrote it would each show the same news.
  const run = running.then(() => notifyOnce(now, due));
  running = run.catch(() => []);
  return run;
}

async function notifyOnce(now: number, due: boolean): Promise<string[]> {
  const session = await sessionItem.getValue();
  if (!session) return [];
  const account = `${session.serverUrl} ${session.me.person.id}`;
  const waiting = await waitingItem.getValue();
  if (waiting?.account !== account) return []; // the badge has not synced for this account yet
  const saved = await notifiedItem.getValue();
  const first = saved?.account !== account;
  const state: NotifiedState = first ? { account, seq: waiting.seq, told: [], checkedAt: 0 } : saved;
  if (!first && !due && state.seq >= waiting.seq && now - state.checkedAt < dueCheckMs) return [];

  const client = api(session);
  const fresh: NotificationItem[] = [];
  let quiet = false;
  let cursor = state.seq;
  for (let page = 0, more = true; more && page < maxPages; page++) {
    const res = await client.notifications(cursor);
    fresh.push(...res.items);
    quiet ||= res.quiet;
    ({ last: cursor, more } = res);
  }
  const told = new Set(state.told);
  const news = fresh.filter((item, i) => !told.has(item.id) && fresh.findIndex((f) => f.id === item.id) === i);
  // Sign-in and quiet hours: everything counts as told; the panel has it all.
  const shown = first || quiet ? [] : await showNotifications(news);
  await notifiedItem.setValue({
    account,
    seq: cursor,
    told: [...state.told, ...news.map((i) => i.id)].slice(-keptIds),
    checkedAt: now,
  });
  return shown;
}
