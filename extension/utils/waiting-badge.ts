import { browser } from 'wxt/browser';
import { ApiProblem, api } from './api.ts';
import { sessionItem, waitingItem } from './storage.ts';

/** The theme's accent: a calm count, not an alarm. */
const badgeColor = '#4f46e5';

// MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

/** The toolbar badge: how many asks wait on me; empty at 0. */
export async function showWaiting(count: number): Promise<void> {
  const a = action();
  await a.setBadgeText({ text: count > 0 ? (count > 99 ? '99+' : String(count)) : '' });
  if (count > 0) {
    await a.setBadgeBackgroundColor({ color: badgeColor });
    await a.setBadgeTextColor?.({ color: '#ffffff' });
  }
}

async function syncOnce(): Promise<void> {
  const session = await sessionItem.getValue();
  if (!session) {
    await waitingItem.setValue(null);
    return showWaiting(0);
  }
  const account = `${session.serverUrl} ${session.me.person.id}`;
  const saved = await waitingItem.getValue();
  const mine = saved?.account === account ? saved : null;
  try {
    const res = await api(session).sync(mine?.seq ?? 0);
    const waitingOnMe = res.waitingOnMe ?? mine?.waitingOnMe ?? 0;
    await waitingItem.setValue({ account, seq: res.seq, waitingOnMe });
    await showWaiting(waitingOnMe);
  } catch (e) {
    // A refused token: the panel signs out on its next request; the badge must not keep a stale count.
    if (e instanceof ApiProblem && e.status === 401) {
      await waitingItem.setValue(null);
      await showWaiting(0);
    }
    throw e;
  }
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Brings the badge up to date with GET /v1/sync?after=<last seq>: one cheap request when nothing
 * changed. Calls during a sync are folded into one more sync after it, never run side by side.
 */
export function syncWaiting(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = syncOnce().finally(() => {
    running = null;
    if (again) {
      again = false;
      void syncWaiting().catch(() => {});
    }
  });
  return running;
}
