import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import background from '../../extension/entrypoints/background/index.ts';
import { pageContextItem } from '../../extension/utils/storage.ts';
import { installCommandsAndMenus, tab, withSidePanel } from './fake-extras.ts';

const click = (t: Browser.tabs.Tab) => fakeBrowser.action.onClicked.trigger(t, undefined);

let executeScript: ReturnType<typeof vi.spyOn>;
let sidebarOpen: ReturnType<typeof vi.spyOn>;

describe('background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installCommandsAndMenus();
    executeScript = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([{ frameId: 0, documentId: 'doc', result: '  the selected words \n' }] as never);
    sidebarOpen = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    background.main!();
  });

  afterEach(() => {
    delete withSidePanel.sidePanel;
    vi.restoreAllMocks();
  });

  it('stores the clicked page with its query string and fragment removed', async () => {
    await click(tab({ url: 'https://crm.example/deals/9?session=abc123#notes', title: '  Deal 9 · CRM  ' }));
    await vi.waitFor(async () => {
      expect(await pageContextItem.getValue()).toEqual({
        url: 'https://crm.example/deals/9',
        title: 'Deal 9 · CRM',
        selection: 'the selected words',
      });
    });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
  });

  it('still attaches the page, without a selection, when the page cannot be scripted', async () => {
    executeScript.mockRejectedValue(new Error('Cannot access contents of the page'));
    await click(tab({ url: 'https://chromewebstore.google.com/detail/x', title: 'Web Store' }));
    await vi.waitFor(async () => {
      expect(await pageContextItem.getValue()).toEqual({
        url: 'https://chromewebstore.google.com/detail/x',
        title: 'Web Store',
        selection: '',
      });
    });
  });

  it.each(['chrome://settings/', 'file:///home/me/report.pdf', 'about:blank'])(
    'clears any earlier page instead of attaching %s',
    async (url) => {
      await pageContextItem.setValue({ url: 'https://old.example/', title: 'Old', selection: '' });
      await click(tab({ url, title: 'Not a web page' }));
      await vi.waitFor(async () => {
        expect(await pageContextItem.getValue()).toBeNull();
      });
      expect(executeScript).not.toHaveBeenCalled();
    },
  );

  it('opens the Firefox sidebar on click', async () => {
    await click(tab({ url: 'https://example.com/' }));
    expect(sidebarOpen).toHaveBeenCalledTimes(1);
  });

  it("opens Chrome's side panel for the clicked window synchronously, before capturing the page", () => {
    const open = vi.fn().mockResolvedValue(undefined);
    withSidePanel.sidePanel = { open, setPanelBehavior: vi.fn().mockResolvedValue(undefined) };
    void click(tab({ url: 'https://example.com/', windowId: 42 }));
    // No await yet: the user gesture only lasts for the synchronous part of the handler.
    expect(open).toHaveBeenCalledWith({ windowId: 42 });
    expect(open.mock.invocationCallOrder[0]).toBeLessThan(executeScript.mock.invocationCallOrder[0]);
    expect(sidebarOpen).not.toHaveBeenCalled();
  });

  it('on install, tells Chrome the action click is handled by the extension', async () => {
    const setPanelBehavior = vi.fn().mockResolvedValue(undefined);
    withSidePanel.sidePanel = { open: vi.fn().mockResolvedValue(undefined), setPanelBehavior };
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: false });
  });
});
