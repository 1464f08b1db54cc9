import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background/index.ts';
import { sessionItem, waitingItem } from '../../extension/utils/storage.ts';
import { syncWaiting } from '../../extension/utils/waiting-badge.ts';
import { installCommandsAndMenus } from './fake-extras.ts';
import { storedSession } from './stored-session.ts';

const session = storedSession;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubSync(...answers: Response[]) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      // A server without push (Node's): the background's push probe is told 404 and leaves syncing to the poll.
      if (String(input).includes('/v1/push')) return json(404, { error: { code: 'not_found', message: 'No push' } });
      urls.push(String(input));
      return answers.shift() ?? json(200, { seq: 0, changed: false });
    }),
  );
  return urls;
}

const badge = () => fakeBrowser.action.getBadgeText({});

describe('the waiting badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installCommandsAndMenus();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('calls nothing and shows nothing when signed out', async () => {
    const urls = stubSync();
    await syncWaiting();
    expect(urls).toEqual([]);
    expect(await badge()).toBe('');
  });

  it('shows how many asks wait on me, then asks only for what changed after the last seq', async () => {
    await sessionItem.setValue(session);
    const urls = stubSync(
      json(200, { seq: 41, changed: true, waitingOnMe: 3 }),
      json(200, { seq: 41, changed: false }),
    );
    await syncWaiting();
    expect(await badge()).toBe('3');
    expect(new URL(urls[0]).searchParams.get('after')).toBe('0');
    await syncWaiting();
    expect(new URL(urls[1]).searchParams.get('after')).toBe('41');
    expect(await badge()).toBe('3');
    expect(await waitingItem.getValue()).toEqual({ account: 'https://tandem.example p1', seq: 41, waitingOnMe: 3 });
  });

  it('empties the badge at zero and when the token is refused', async () => {
    await sessionItem.setValue(session);
    stubSync(json(200, { seq: 2, changed: true, waitingOnMe: 1 }), json(401, { error: { code: 'unauthenticated' } }));
    await syncWaiting();
    expect(await badge()).toBe('1');
    await expect(syncWaiting()).rejects.toThrow();
    expect(await badge()).toBe('');
    expect(await waitingItem.getValue()).toBeNull();
  });

  it('starts over for another account', async () => {
    await waitingItem.setValue({ account: 'https://tandem.example someone-else', seq: 90, waitingOnMe: 7 });
    await sessionItem.setValue(session);
    const urls = stubSync(json(200, { seq: 95, changed: true, waitingOnMe: 0 }));
    await syncWaiting();
    expect(new URL(urls[0]).searchParams.get('after')).toBe('0');
    expect(await badge()).toBe('');
  });

  it('syncs every minute and when the panel says something changed', async () => {
    const urls = stubSync(json(200, { seq: 5, changed: true, waitingOnMe: 2 }));
    background.main!();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get('tandem-sync')).toMatchObject({ periodInMinutes: 1 }),
    );
    await sessionItem.setValue(session);
    await fakeBrowser.runtime.sendMessage({ type: 'changed' });
    await vi.waitFor(async () => expect(await badge()).toBe('2'));
    expect(urls.length).toBeGreaterThan(0);
  });

  it('syncs when the alarm rings', async () => {
    await sessionItem.setValue(session);
    background.main!();
    const urls = stubSync(json(200, { seq: 9, changed: true, waitingOnMe: 4 }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'tandem-sync', scheduledTime: Date.now(), periodInMinutes: 1 });
    await vi.waitFor(async () => expect(await badge()).toBe('4'));
    expect(urls.some((u) => u.includes('/v1/sync'))).toBe(true);
  });
});
