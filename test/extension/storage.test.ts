import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { lastServerItem, pageContextItem, sessionItem } from '../../extension/utils/storage.ts';
import { storedItem } from '../../extension/utils/stored-item.ts';
import { storedSession } from './stored-session.ts';

const session = storedSession;

describe('extension storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('has no session until one is stored', async () => {
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('round-trips the session through local storage', async () => {
    await sessionItem.setValue(session);
    expect(await sessionItem.getValue()).toEqual(session);
    const raw = await fakeBrowser.storage.local.get('session');
    expect(raw.session).toEqual(session);
  });

  it('forgets the session when cleared (sign-out)', async () => {
    await sessionItem.setValue(session);
    await sessionItem.removeValue();
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('defaults the last server to the local development server', async () => {
    expect(await lastServerItem.getValue()).toBe('http://127.0.0.1:8787');
  });

  it('remembers the last server typed', async () => {
    await lastServerItem.setValue('https://tandem.example');
    expect(await lastServerItem.getValue()).toBe('https://tandem.example');
  });

  it('keeps the page context in session storage, not local storage', async () => {
    const ctx = { url: 'https://example.com/', title: 'Example', selection: '' };
    expect(await pageContextItem.getValue()).toBeNull();
    await pageContextItem.setValue(ctx);
    expect(await pageContextItem.getValue()).toEqual(ctx);
    expect((await fakeBrowser.storage.session.get('pageContext')).pageContext).toEqual(ctx);
    expect((await fakeBrowser.storage.local.get('pageContext')).pageContext).toBeUndefined();
  });

  it('starts afresh after a reset', async () => {
    await sessionItem.setValue(session);
    fakeBrowser.reset();
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('tells watchers of each change, the fallback once removed, and nothing after unwatching', async () => {
    const seen: (string | null)[] = [];
    const unwatch = lastServerItem.watch((url) => seen.push(url));
    await lastServerItem.setValue('https://a.example');
    await lastServerItem.setValue('https://a.example'); // the same value again: no change to tell
    await fakeBrowser.storage.local.set({ other: 'x' }); // another key
    await fakeBrowser.storage.session.set({ lastServer: 'https://b.example' }); // the same key in another area
    await lastServerItem.removeValue();
    unwatch();
    await lastServerItem.setValue('https://c.example');
    expect(seen).toEqual(['https://a.example', 'http://127.0.0.1:8787']);
  });

  it('reads what another context wrote under the same key', async () => {
    const item = storedItem<number[]>('session:counts', []);
    expect(await item.getValue()).toEqual([]);
    await fakeBrowser.storage.session.set({ counts: [1, 2] });
    expect(await item.getValue()).toEqual([1, 2]);
  });
});
