import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background/index.ts';
import { composeIntentItem, pageContextItem } from '../../extension/utils/storage.ts';
import { installCommandsAndMenus, tab, withSidePanel } from './fake-extras.ts';

describe('quick capture: keyboard commands and the context menu', () => {
  let events: ReturnType<typeof installCommandsAndMenus>;
  let open: ReturnType<typeof vi.fn>;
  let executeScript: ReturnType<typeof vi.spyOn>;

  beforeEach(() => {
    fakeBrowser.reset();
    events = installCommandsAndMenus();
    open = vi.fn().mockResolvedValue(undefined);
    withSidePanel.sidePanel = { open, setPanelBehavior: vi.fn().mockResolvedValue(undefined) };
    executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 0, documentId: 'doc', result: 'the selected words' }] as never);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    background.main!();
  });
  afterEach(() => {
    delete withSidePanel.sidePanel;
    vi.restoreAllMocks();
  });

  it('opens the panel before anything is awaited, then captures the page and asks for the Ask composer', async () => {
    const setIntent = vi.spyOn(composeIntentItem, 'setValue');
    events.onCommand.trigger(
      'quick-ask',
      tab({ url: 'https://crm.example/deals/9?s=1', title: 'Deal 9', windowId: 42 }),
    );
    // Still inside the synchronous part of the listener: the user gesture is alive only here.
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
    expect(setIntent).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect(await composeIntentItem.getValue()).toMatchObject({ mode: 'ask' }));
    expect(open.mock.invocationCallOrder[0]).toBeLessThan(executeScript.mock.invocationCallOrder[0]);
    expect(await pageContextItem.getValue()).toEqual({
      url: 'https://crm.example/deals/9',
      title: 'Deal 9',
      selection: 'the selected words',
    });
  });

  it('without a tab (older Chrome, Firefox), opens the current window and captures the active tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab({ url: 'https://wiki.example/', title: 'Wiki' })]);
    events.onCommand.trigger('quick-thank');
    expect(open).toHaveBeenCalledWith({ windowId: fakeBrowser.windows.WINDOW_ID_CURRENT });
    await vi.waitFor(async () => expect(await composeIntentItem.getValue()).toMatchObject({ mode: 'thank' }));
    expect((await pageContextItem.getValue())?.url).toBe('https://wiki.example/');
  });

  it('ignores commands it does not know', () => {
    events.onCommand.trigger('something-else', tab({}));
    expect(open).not.toHaveBeenCalled();
  });

  it('creates "Ask about this…" and "Thank for this…" for selected text on install', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(events.create).toHaveBeenCalledTimes(2));
    expect(events.create.mock.calls.map(([m]) => [m.id, m.title, m.contexts])).toEqual([
      ['tandem-ask', 'Ask about this…', ['selection']],
      ['tandem-thank', 'Thank for this…', ['selection']],
    ]);
  });

  it('a menu click opens the panel synchronously with the selection attached and the Thank composer asked for', async () => {
    events.onClicked.trigger(
      {
        menuItemId: 'tandem-thank',
        editable: false,
        pageUrl: 'https://crm.example/deals/9',
        selectionText: 'Closed in record time',
      },
      tab({ url: 'https://crm.example/deals/9#top', title: 'Deal 9', windowId: 5 }),
    );
    expect(open).toHaveBeenCalledWith({ windowId: 5 });
    await vi.waitFor(async () => expect(await composeIntentItem.getValue()).toMatchObject({ mode: 'thank' }));
    expect(await pageContextItem.getValue()).toEqual({
      url: 'https://crm.example/deals/9',
      title: 'Deal 9',
      selection: 'Closed in record time',
    });
    // The menu gave us the selection: no need to script the page.
    expect(executeScript).not.toHaveBeenCalled();
  });
});
