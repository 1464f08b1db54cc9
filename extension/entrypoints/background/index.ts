import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { i18n } from '#i18n';
import { isWebUrl } from '../../../shared/web-pages.ts';
import { onMessage } from '../../utils/messages.ts';
import { onNotificationButtonClicked, onNotificationClicked } from '../../utils/notification-click.ts';
import { notifyChanges } from '../../utils/notifications.ts';
import { discard, enqueue, flush, retry } from '../../utils/outbox.ts';
import { pageContext } from '../../utils/page-context.ts';
import { extensionPush } from '../../utils/push-socket.ts';
import { handleActionClickOurselves, openPanel } from '../../utils/side-panel.ts';
import { type ComposeIntent, composeIntentItem, pageContextItem, sessionItem } from '../../utils/storage.ts';
import { syncWaiting } from '../../utils/waiting-badge.ts';
import { validateBody } from './validate.ts';

/**
 * The heartbeat: the badge sync and the outbox flush. A minute is the shortest period Chrome allows
 * for a packed extension; one alarm serves both.
 */
const syncAlarm = 'tandem-sync';

/** Keyboard commands (wxt.config.ts) and context-menu ids, each opening the composer in one mode. */
const commandModes: Record<string, ComposeIntent['mode']> = { 'quick-ask': 'ask', 'quick-thank': 'thank' };
const menuModes: Record<string, ComposeIntent['mode']> = { 'tandem-ask': 'ask', 'tandem-thank': 'thank' };

// After each badge sync, the browser notifications for what it found (utils/notifications.ts); `due`: a push
// said an ask came due with no new event, so the server is asked for notifications even if it was just asked.
const sync = (due = false) =>
  syncWaiting()
    .then(() => notifyChanges(Date.now(), due))
    .catch((e: unknown) => console.warn('[tandem] [background] sync failed', e));
const flushOutbox = () => flush().catch((e: unknown) => console.warn('[tandem] [background] outbox flush failed', e));

export default defineBackground(() => {
  // Where the server pushes (the Worker), a change concerning me syncs at once and the minute poll rests.
  const push = extensionPush((due) => void sync(due));
  void push.restart();
  browser.runtime.onInstalled.addListener(() => {
    handleActionClickOurselves();
    createMenus();
    void sync();
  });
  browser.runtime.onStartup.addListener(() => {
    void flushOutbox();
    void sync();
  });
  // Every start of this worker tries the outbox too: an unpacked extension loaded at browser start gets
  // onInstalled rather than onStartup, and a worker woken for anything else may find sends waiting.
  void flushOutbox();

  // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  action.onClicked.addListener((tab) => {
    // First, while the click's user gesture is still alive: no await may come before this.
    openPanel({ windowId: tab.windowId, tabId: tab.id });
    capture(tab).catch((e: unknown) => console.warn('[tandem] [background] capture failed', e));
  });

  browser.commands.onCommand.addListener(onCommand);
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  browser.notifications.onButtonClicked?.addListener((id, button) => void onNotificationButtonClicked(id, button));
  menus().onClicked.addListener(onMenuClick);

  // Keep the waiting count fresh and the outbox moving: every minute, when the panel says something
  // changed, on sign-in/out (a person signing in again gets their waiting items sent).
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== syncAlarm) return;
    void flushOutbox();
    if (push.shouldPoll()) void sync();
  });
  ensureAlarm().catch((e: unknown) => console.warn('[tandem] [background] alarm unavailable', e));
  onMessage({
    changed: async () => {
      await sync();
      return null;
    },
    'outbox-send': async ({ item }) => {
      // Written before any network call: from here on the send survives a closed panel or a dead server.
      const session = await sessionItem.getValue();
      if (!session) throw new Error(i18n.t('ui.signedOutSend'));
      const stored = await enqueue(session, item);
      const outcomes = await flush();
      void sync();
      return { id: stored.id, outcome: outcomes.get(stored.id) ?? { state: 'pending' } };
    },
    validate: async ({ schema, body }) => validateBody(schema, body),
    'outbox-flush': async () => {
      await flush();
      return null;
    },
    'outbox-retry': async ({ id }) => {
      await retry(id);
      void flushOutbox();
      return null;
    },
    'outbox-discard': async ({ id }) => {
      await discard(id);
      return null;
    },
  });
  sessionItem.watch(() => {
    void flushOutbox();
    void sync();
    void push.restart();
  });
});

/** Firefox MV2 calls it `menus` (with `contextMenus` as an alias); Chrome has `contextMenus` only. */
const menus = () => browser.contextMenus;

/** Context menus persist across restarts; they are (re)created on install and update only. */
function createMenus(): void {
  const m = menus();
  // Promise style (Firefox's `browser.*` takes no callbacks); removeAll first, as ids must be unique.
  Promise.resolve()
    .then(() => m.removeAll())
    .then(() => {
      m.create({ id: 'tandem-ask', title: i18n.t('ui.menuAsk'), contexts: ['selection'] });
      m.create({ id: 'tandem-thank', title: i18n.t('ui.menuThank'), contexts: ['selection'] });
    })
    .catch((e: unknown) => console.warn('[tandem] [background] context menus unavailable', e));
}

/** A quick-capture shortcut. Chrome 126+ passes the active tab; without it, the current window. */
function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  const mode = commandModes[command];
  if (!mode) return;
  // First, inside the shortcut's user gesture: no await may come before this.
  openPanel({ windowId: tab?.windowId ?? browser.windows.WINDOW_ID_CURRENT });
  quickCapture(mode, tab).catch((e: unknown) => console.warn('[tandem] [background] quick capture failed', e));
}

async function quickCapture(mode: ComposeIntent['mode'], tab?: Browser.tabs.Tab): Promise<void> {
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  // The context first: the panel reads it when the intent arrives.
  if (target) await capture(target);
  await composeIntentItem.setValue({ mode, at: Date.now() });
}

/** "Ask about this…" / "Thank for this…" on selected text. */
function onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const mode = menuModes[String(info.menuItemId)];
  if (!mode) return;
  // A menu click is a user gesture: open first, synchronously.
  openPanel({ windowId: tab?.windowId ?? browser.windows.WINDOW_ID_CURRENT });
  // The menu hands us the selection: no need to script the page.
  const context = pageContext(tab?.url ?? info.pageUrl, tab?.title, info.selectionText ?? '');
  pageContextItem
    .setValue(context)
    .then(() => composeIntentItem.setValue({ mode, at: Date.now() }))
    .catch((e: unknown) => console.warn('[tandem] [background] menu capture failed', e));
}

/** Alarms outlive the service worker; creating one again would only push its next tick back. */
async function ensureAlarm(): Promise<void> {
  if (!(await browser.alarms.get(syncAlarm))) await browser.alarms.create(syncAlarm, { periodInMinutes: 1 });
}

/** Records the tab's page (URL without query or fragment, title, selected text) for the composer. */
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
