import { browser } from 'wxt/browser';
import { notificationTargetsItem, panelIntentItem } from './storage.ts';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void>; isOpen(details: object): Promise<boolean> };
}

/** The panel page in a tab: where a browser refuses to open its side panel from a notification. */
const openPanelTab = () => browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });

/**
 * Opens the panel from a notification click, synchronously (the click is the user gesture; nothing may be
 * awaited first). Chrome counts a notification click as one for sidePanel.open; Firefox does not for
 * sidebarAction.open: where the browser refuses, the panel page opens in a tab instead, unless Firefox's
 * sidebar is open already (it shows the item itself).
 */
function openPanelFromNotification(): void {
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  const sidebar = sidePanel ? undefined : (browser as unknown as FirefoxSidebar).sidebarAction;
  const sidebarOpen = async () => !!sidebar && (await sidebar.isOpen({}));
  const fallBack = async (e: unknown) => {
    if (await sidebarOpen().catch(() => false)) return;
    console.warn('[tandem] [notifications] the panel did not open; opening it in a tab', e);
    await openPanelTab();
  };
  const opening = sidePanel ? sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT }) : sidebar?.open();
  (opening ?? Promise.reject(new Error('no side panel'))).catch(fallBack).catch((e: unknown) => {
    console.warn('[tandem] [notifications] could not open the panel', e);
  });
}

/** Tells the panel what to show: the ask (its rating first with `rate`), or the inbox. */
async function showInPanel(notificationId: string, rate: boolean): Promise<void> {
  const target = (await notificationTargetsItem.getValue())[notificationId] ?? {};
  await panelIntentItem.setValue({ askId: target.askId, rate: rate || target.rate === true, at: Date.now() });
  await browser.notifications.clear(notificationId);
}

/**
 * A click on one of our notifications: the panel opens on its item (Settings' webhooks for a paused one). On a
 * resolved ask, the click opens its rating too (Firefox has no buttons: the click is the way there).
 */
export function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith('tandem')) return Promise.resolve();
  // A paused webhook is resumed in Settings, where its failed deliveries are listed.
  if (notificationId.startsWith('tandem:webhookPaused:'))
    return browser.tabs
      .create({ url: browser.runtime.getURL('/settings.html#webhooks') })
      .then(() => browser.notifications.clear(notificationId))
      .then(() => {});
  openPanelFromNotification();
  return showInPanel(notificationId, false);
}

/** Chrome's "Rate and thank" button: the panel opens on the ask's rating. */
export function onNotificationButtonClicked(notificationId: string, _button: number): Promise<void> {
  if (!notificationId.startsWith('tandem')) return Promise.resolve();
  openPanelFromNotification();
  return showInPanel(notificationId, true);
}
