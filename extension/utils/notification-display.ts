import { type Browser, browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { NotificationItem } from './api.ts';
import { notificationTargetsItem } from './storage.ts';

/** Lines a grouped notification lists before "…and N more". */
const groupLines = 4;
/** Targets kept for clicks: older notifications have long left the screen. */
const keptTargets = 50;

type Options = Browser.notifications.NotificationCreateOptions;

/** Firefox shows only 'basic' notifications and no buttons; Chrome has 'list' and up to two buttons. */
const isFirefox = () => import.meta.env.FIREFOX === true;
const icon = () => browser.runtime.getURL('/icon/128.png');

/** One item, as its own notification; a resolved ask gets "Rate and thank" (Chrome). */
export function singleNotification(item: NotificationItem): Options {
  const options: Options = { type: 'basic', iconUrl: icon(), title: item.title, message: item.body };
  if (item.kind === 'resolved' && !isFirefox()) options.buttons = [{ title: i18n.t('notify.rateAndThank') }];
  return options;
}

/** Several items at once: one notification listing the first few ("3 new in Tandem"). */
export function groupedNotification(items: NotificationItem[]): Options {
  const title = i18n.t('notify.group', [items.length]);
  const shown = items.slice(0, groupLines);
  const rest = items.length - shown.length;
  if (isFirefox()) {
    const lines = shown.map((i) => `${i.title}: ${i.body}`);
    if (rest > 0) lines.push(i18n.t('notify.more', [rest]));
    return { type: 'basic', iconUrl: icon(), title, message: lines.join('\n') };
  }
  return {
    type: 'list',
    iconUrl: icon(),
    title,
    message: shown[0]?.title ?? '',
    items: shown.map((i) => ({ title: i.title, message: i.body })),
    ...(rest > 0 ? { contextMessage: i18n.t('notify.more', [rest]) } : {}),
  };
}

/**
 * Shows what arrived: one notification per item, or one for all when several arrive at once. Each
 * notification's target (an ask, or the inbox for a group) is stored for its click.
 */
export async function showNotifications(items: NotificationItem[]): Promise<string[]> {
  if (items.length === 0) return [];
  const made: [string, { askId?: string; rate?: boolean }][] = [];
  if (items.length === 1) {
    const [item] = items;
    const id = `tandem:${item.id}`;
    await browser.notifications.create(id, singleNotification(item));
    made.push([id, { askId: item.askId, rate: item.kind === 'resolved' }]);
  } else {
    const id = `tandem-group:${items[0].id}:${items.length}`;
    await browser.notifications.create(id, groupedNotification(items));
    made.push([id, {}]);
  }
  const targets = Object.entries(await notificationTargetsItem.getValue()).slice(-keptTargets);
  await notificationTargetsItem.setValue(Object.fromEntries([...targets, ...made]));
  return made.map(([id]) => id);
}
