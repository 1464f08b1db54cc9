import { vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';

/** A listenable event with `trigger`, like fakeBrowser's own (which has none for commands and menus). */
function event<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    removeListener: (l: (...args: A) => unknown) => void listeners.splice(listeners.indexOf(l), 1),
    hasListener: (l: (...args: A) => unknown) => listeners.includes(l),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: A) => listeners.map((l) => l(...args)),
  };
}

/**
 * WXT's fake browser leaves `commands`, `contextMenus` and `notifications` unimplemented (they throw); the
 * background registers all three, so every test that runs it installs these first.
 */
export function installCommandsAndMenus() {
  const onCommand = event<[string, Browser.tabs.Tab?]>();
  const onClicked = event<[Browser.contextMenus.OnClickData, Browser.tabs.Tab?]>();
  const getAll = vi.fn().mockResolvedValue([]);
  const create = vi.fn();
  const removeAll = vi.fn().mockResolvedValue(undefined);
  Object.assign(fakeBrowser.commands, { onCommand, getAll });
  Object.assign(fakeBrowser.contextMenus, { onClicked, create, removeAll });
  // Notifications too (unimplemented in the fake): created ones are recorded; clicks are triggered by tests.
  const notificationClicked = event<[string]>();
  const notificationButtonClicked = event<[string, number]>();
  const notify = vi.fn(async (id: string, _options: Browser.notifications.NotificationCreateOptions) => id);
  const clearNotification = vi.fn().mockResolvedValue(true);
  Object.assign(fakeBrowser.notifications, {
    create: notify,
    clear: clearNotification,
    onClicked: notificationClicked,
    onButtonClicked: notificationButtonClicked,
  });
  return {
    onCommand,
    onClicked,
    create,
    removeAll,
    getAll,
    notify,
    clearNotification,
    notificationClicked,
    notificationButtonClicked,
  };
}

export type SidePanelStub = { open: ReturnType<typeof vi.fn>; setPanelBehavior: ReturnType<typeof vi.fn> };
/** fakeBrowser has no sidePanel: tests add a stub (Chrome) or leave it out (Firefox). */
export const withSidePanel = fakeBrowser as unknown as { sidePanel?: SidePanelStub };

/** A tab with what the background reads, overridable. */
export const tab = (overrides: Partial<Browser.tabs.Tab>): Browser.tabs.Tab =>
  ({
    id: 7,
    windowId: 3,
    index: 0,
    active: true,
    pinned: false,
    highlighted: true,
    incognito: false,
    ...overrides,
  }) as Browser.tabs.Tab;
