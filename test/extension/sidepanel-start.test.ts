import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { composeIntentItem, seenInboxItem, sessionItem } from '../../extension/utils/storage.ts';
import { inboxOf, me } from './sidepanel/fixtures.ts';

/*
 * The side panel's first script (a classic script, bundled apart from the panel's modules) starts the storage reads
 * and the inbox's request as the page opens; the modules take them up. Each side is imported as its own module
 * instance here, as the two bundles are in the page: what they share is the page's global.
 */
const session = { serverUrl: 'https://tandem.example', token: 'tdm_sam', me };
const inbox = inboxOf();

/** Runs the first script as the page does, then gives the panel's modules, loaded afresh. */
async function openPanel() {
  vi.resetModules();
  const start = await import('../../extension/entrypoints/sidepanel-start.ts');
  start.default.main?.();
  // The first script's own reads settle (and its request leaves) while the modules load.
  await new Promise((r) => setTimeout(r, 10));
  vi.resetModules();
  return {
    api: (await import('../../extension/utils/api.ts')).api,
    earlyRead: await import('../../extension/utils/early-read.ts'),
    storage: await import('../../extension/utils/storage.ts'),
  };
}

function stubFetch(respond: () => Promise<Response>) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(`${String(input)} ${new Headers(init?.headers).get('authorization')}`);
      return respond();
    }),
  );
  return urls;
}
const answer = () => Promise.resolve(new Response(JSON.stringify(inbox), { status: 200 }));

describe('the side panel’s first script', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    delete (globalThis as { tandemEarlyReads?: unknown }).tandemEarlyReads;
    delete (globalThis as { tandemEarlyInbox?: unknown }).tandemEarlyInbox;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the inbox as the panel opens, and the panel takes that answer instead of asking again', async () => {
    await sessionItem.setValue(session);
    const asked = stubFetch(answer);
    const panel = await openPanel();
    expect(asked).toEqual(['https://tandem.example/v1/inbox Bearer tdm_sam']);
    expect(await panel.api(session).inbox()).toEqual(inbox);
    expect(asked).toHaveLength(1);
    // Once: the next refresh asks the server.
    expect(await panel.api(session).inbox()).toEqual(inbox);
    expect(asked).toHaveLength(2);
  });

  it('hands its answer to no other session: another sign-in asks for its own inbox', async () => {
    await sessionItem.setValue(session);
    const asked = stubFetch(answer);
    const panel = await openPanel();
    await panel.api({ serverUrl: session.serverUrl, token: 'tdm_someone_else' }).inbox();
    expect(asked.at(-1)).toBe('https://tandem.example/v1/inbox Bearer tdm_someone_else');
    expect(asked).toHaveLength(2);
  });

  it('gives the panel the same refusal it would have met itself', async () => {
    await sessionItem.setValue(session);
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const panel = await openPanel();
    await expect(panel.api(session).inbox()).rejects.toMatchObject({ code: 'network' });
  });

  it('asks for nothing when a shortcut opened the panel for the composer, or nobody is signed in', async () => {
    const asked = stubFetch(answer);
    await openPanel();
    await sessionItem.setValue(session);
    await composeIntentItem.setValue({ mode: 'ask', at: Date.now() });
    await openPanel();
    expect(asked).toEqual([]);
  });

  it('hands its reads to the panel’s modules, which read again only what changed since', async () => {
    await sessionItem.setValue(session);
    await seenInboxItem.setValue({ account: 'x', seenAt: 1, data: inbox });
    stubFetch(answer);
    const panel = await openPanel();
    await panel.storage.seenInboxItem.setValue(null); // changed after the first script read it
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const getSession = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await panel.earlyRead.firstRead(panel.storage.sessionItem)).toEqual(session);
    expect(get).not.toHaveBeenCalled();
    expect(await panel.earlyRead.firstRead(panel.storage.seenInboxItem)).toBeNull();
    expect(getSession).toHaveBeenCalledTimes(1);
  });
});
