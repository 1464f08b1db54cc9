import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage } from '../../utils/messages.ts';
import { isWebUrl, pageContext } from '../../utils/page-context.ts';
import { handleActionClickOurselves, openPanel } from '../../utils/side-panel.ts';
import { pageContextItem, sessionItem } from '../../utils/storage.ts';
import { syncWaiting } from '../../utils/waiting-badge.ts';

/** The badge's heartbeat: a minute is the shortest period Chrome allows for a packed extension. */
const syncAlarm = 'tandem-sync';

const sync = () => syncWaiting().catch((e: unknown) => console.warn('[tandem] [background] badge sync failed', e));

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    handleActionClickOurselves();
    void sync();
  });
  browser.runtime.onStartup.addListener(() => void sync());

  // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  action.onClicked.addListener((tab) => {
    // First, while the click's user gesture is still alive: no await may come before this.
    openPanel({ windowId: tab.windowId, tabId: tab.id });
    capture(tab).catch((e: unknown) => console.warn('[tandem] [background] capture failed', e));
  });

  // Keep the waiting count fresh: every minute, when the panel says something changed, on sign-in/out.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === syncAlarm) void sync();
  });
  ensureAlarm().catch((e: unknown) => console.warn('[tandem] [background] alarm unavailable', e));
  onMessage(() => sync());
  sessionItem.watch(() => void sync());
});

/** Alarms outlive the service worker; creating one again would only push its next tick back. */
async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(syncAlarm))) await browser.alarms.create(syncAlarm, { periodInMinutes: 1 });
}

/** Records the clicked tab's page (URL without query or fragment, title, selected text) for the composer. */
async function capture(tab: Browser.tabs.Tab): Promise<void> {
  if (!isWebUrl(tab.url) || tab.id === undefined) {
    await pageContextItem.setValue(null);
    return;
  }
  let selection = '';
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => getSelection()?.toString() ?? '',
    });
    selection = typeof result?.result === 'string' ? result.result : '';
  } catch {
    // Pages we may not script (the web store, PDFs, error pages): attach without a selection.
  }
  await pageContextItem.setValue(pageContext(tab.url, tab.title, selection));
}
