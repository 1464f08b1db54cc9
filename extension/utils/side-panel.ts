import { browser } from 'wxt/browser';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens Tandem's panel. Call it synchronously from a user gesture (a click, the action, a command):
 * Chrome's sidePanel.open and Firefox's sidebarAction.open both refuse once the gesture has passed,
 * so nothing may be awaited before this call.
 */
export function openPanel(target: { windowId?: number; tabId?: number }): void {
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  if (sidePanel) {
    const options =
      target.windowId !== undefined
        ? { windowId: target.windowId }
        : target.tabId !== undefined
          ? { tabId: target.tabId }
          : null;
    if (!options) return;
    sidePanel.open(options).catch((e: unknown) => console.warn('[tandem] [side-panel] open failed', e));
    return;
  }
  const firefox = browser as unknown as FirefoxSidebar;
  firefox.sidebarAction?.open().catch((e: unknown) => console.warn('[tandem] [side-panel] open failed', e));
}

/** Chrome: the action opens the panel through our own click handler, which also captures the page. */
export function handleActionClickOurselves(): void {
  const sidePanel = (browser as { sidePanel?: typeof browser.sidePanel }).sidePanel;
  sidePanel
    ?.setPanelBehavior({ openPanelOnActionClick: false })
    .catch((e: unknown) => console.warn('[tandem] [side-panel] setPanelBehavior failed', e));
}
