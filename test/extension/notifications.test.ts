import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { NotificationItem } from '../../extension/utils/api.ts';
import { onNotificationButtonClicked, onNotificationClicked } from '../../extension/utils/notification-click.ts';
import { dueCheckMs, notifyChanges } from '../../extension/utils/notifications.ts';
import { notifiedItem, panelIntentItem, sessionItem, waitingItem } from '../../extension/utils/storage.ts';
import { installCommandsAndMenus, withSidePanel } from './fake-extras.ts';
import { storedSession } from './stored-session.ts';

const session = storedSession;
const account = 'https://tandem.example p1';

const item = (seq: number, over: Partial<NotificationItem> = {}): NotificationItem => ({
  id: `newAsk:${seq}`,
  kind: 'newAsk',
  askId: `a${seq}`,
  title: 'Sam Rivera asked Payroll',
  body: `Ask ${seq}`,
  at: '2026-12-02T10:00:00.000Z',
  seq,
  ...over,
});
const page = (items: NotificationItem[], last: number, extra: { more?: boolean; quiet?: boolean } = {}) => ({
  items,
  last,
  more: false,
  quiet: false,
  ...extra,
});

/** The server's answers to GET /v1/notifications, in order; records the cursors asked after. */
function stubServer(...answers: unknown[]) {
  const afters: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input instanceof Request ? input.url : input));
      afters.push(url.searchParams.get('after') ?? '');
      return new Response(JSON.stringify(answers.shift() ?? page([], 0)), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return afters;
}

let fake: ReturnType<typeof installCommandsAndMenus>;
const synced = (seq: number) => waitingItem.setValue({ account, seq, waitingOnMe: 0 });

describe('browser notifications', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    fake = installCommandsAndMenus();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await sessionItem.setValue(session);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    delete withSidePanel.sidePanel;
  });

  it('only sets the cursor on the first sync after sign-in, then shows one notification per item', async () => {
    await synced(40);
    const afters = stubServer(page([item(12, { kind: 'atRisk', id: 'atRisk:a12' })], 40), page([item(41)], 41));
    expect(await notifyChanges(1_000)).toEqual([]);
    expect(fake.notify).not.toHaveBeenCalled();
    expect(await notifiedItem.getValue()).toMatchObject({ account, seq: 40, told: ['atRisk:a12'] });

    await synced(41);
    expect(await notifyChanges(2_000)).toEqual(['tandem:newAsk:41']);
    expect(afters).toEqual(['40', '40']);
    expect(fake.notify).toHaveBeenCalledWith(
      'tandem:newAsk:41',
      expect.objectContaining({ type: 'basic', title: 'Sam Rivera asked Payroll', message: 'Ask 41' }),
    );
  });

  it('shows news once when syncs overlap (a push, the minute poll and the panel asking at once)', async () => {
    await notifiedItem.setValue({ account, seq: 40, told: [], checkedAt: 0 });
    await synced(42);
    // Every call gets the same two thank-yous: what each of three overlapping syncs would be answered.
    const both = () =>
      page([item(41, { id: 'thanks:t1', kind: 'thanks' }), item(42, { id: 'thanks:t2', kind: 'thanks' })], 42);
    stubServer(both(), both(), both());
    const shown = await Promise.all([notifyChanges(5_000), notifyChanges(5_001, true), notifyChanges(5_002, true)]);
    expect(shown.flat()).toHaveLength(1);
    expect(fake.notify).toHaveBeenCalledTimes(1);
    expect(await notifiedItem.getValue()).toMatchObject({ seq: 42, told: ['thanks:t1', 'thanks:t2'] });
  });

  it('groups several into one list notification, pages while more, and never repeats a due-soon ask', async () => {
    await notifiedItem.setValue({ account, seq: 10, told: ['overdue:a3'], checkedAt: 0 });
    await synced(20);
    const overdue = item(3, { id: 'overdue:a3', kind: 'overdue' });
    const afters = stubServer(
      page([item(11), item(12)], 15, { more: true }),
      page([item(16), item(17), item(18), overdue], 20),
    );
    expect(await notifyChanges(5_000)).toEqual(['tandem-group:newAsk:11:5']);
    expect(afters).toEqual(['10', '15']);
    const [, options] = fake.notify.mock.calls[0];
    expect(options).toMatchObject({ type: 'list', title: '5 new in Tandem', contextMessage: '…and 1 more' });
    expect(options?.items).toHaveLength(4);
    expect(await notifiedItem.getValue()).toMatchObject({ seq: 20 });
    // Nothing new and checked a moment ago: the server is not asked.
    stubServer();
    expect(await notifyChanges(6_000)).toEqual([]);
    // Minutes later the due-soon asks are looked for again; the one already told is not shown again.
    const again = stubServer(page([overdue], 20));
    expect(await notifyChanges(6_000 + dueCheckMs)).toEqual([]);
    expect(again).toEqual(['20']);
  });

  it('asks the server at once when a push says an ask came due, though nothing changed a moment ago', async () => {
    await notifiedItem.setValue({ account, seq: 20, told: [], checkedAt: 5_000 });
    await synced(20);
    stubServer();
    expect(await notifyChanges(6_000)).toEqual([]); // a plain sync: not asked
    const atRisk = item(20, { id: 'atRisk:a7', kind: 'atRisk', askId: 'a7', title: 'Due within the hour in Payroll' });
    const afters = stubServer(page([atRisk], 20));
    expect(await notifyChanges(7_000, true)).toEqual(['tandem:atRisk:a7']);
    expect(afters).toEqual(['20']);
  });

  it('shows nothing in quiet hours and moves the cursor on (the items are in the panel)', async () => {
    await notifiedItem.setValue({ account, seq: 10, told: [], checkedAt: 0 });
    await synced(12);
    stubServer(page([item(11), item(12)], 12, { quiet: true }));
    expect(await notifyChanges(1)).toEqual([]);
    expect(fake.notify).not.toHaveBeenCalled();
    expect(await notifiedItem.getValue()).toMatchObject({ seq: 12, told: ['newAsk:11', 'newAsk:12'] });
  });

  it('gives a resolved ask "Rate and thank"; the button and the click open the panel on it', async () => {
    withSidePanel.sidePanel = { open: vi.fn().mockResolvedValue(undefined), setPanelBehavior: vi.fn() };
    await notifiedItem.setValue({ account, seq: 10, told: [], checkedAt: 0 });
    await synced(11);
    stubServer(
      page([item(11, { id: 'resolved:11', kind: 'resolved', askId: 'a7', title: 'Priya resolved your ask' })], 11),
    );
    const [id] = await notifyChanges(1);
    expect(fake.notify.mock.calls[0][1]).toMatchObject({ buttons: [{ title: 'Rate and thank' }] });

    const clicked = onNotificationButtonClicked(id, 0);
    // Opened in the click's own turn, before anything is awaited: the gesture is still alive.
    expect(withSidePanel.sidePanel.open).toHaveBeenCalledTimes(1);
    await clicked;
    expect(await panelIntentItem.getValue()).toMatchObject({ askId: 'a7', rate: true });
    expect(fake.clearNotification).toHaveBeenCalledWith(id);
    await onNotificationClicked('someone-elses');
    expect(withSidePanel.sidePanel.open).toHaveBeenCalledTimes(1);
  });

  it('opens the panel page in a tab when the browser refuses to open the panel from a notification', async () => {
    withSidePanel.sidePanel = {
      open: vi.fn().mockRejectedValue(new Error('sidePanel.open() may only be called in response to a user gesture.')),
      setPanelBehavior: vi.fn(),
    };
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await onNotificationClicked('tandem:newAsk:5');
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: expect.stringContaining('/sidepanel.html') }));
  });

  it('opens Settings on its webhooks for a paused webhook, not the panel', async () => {
    withSidePanel.sidePanel = { open: vi.fn().mockResolvedValue(undefined), setPanelBehavior: vi.fn() };
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await onNotificationClicked('tandem:webhookPaused:12');
    expect(tabs).toHaveBeenCalledWith({ url: expect.stringMatching(/\/settings\.html#webhooks$/) });
    expect(withSidePanel.sidePanel.open).not.toHaveBeenCalled();
    expect(fake.clearNotification).toHaveBeenCalledWith('tandem:webhookPaused:12');
  });

  it('Firefox: opens the sidebar from the click, or the panel page in a tab when Firefox refuses and it is closed', async () => {
    type Sidebar = { open: ReturnType<typeof vi.fn>; isOpen: ReturnType<typeof vi.fn> };
    const firefox = fakeBrowser as unknown as { sidebarAction?: Sidebar };
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const refused = () =>
      vi.fn().mockRejectedValue(new Error('sidebarAction.open may only be called from a user input handler'));
    try {
      firefox.sidebarAction = { open: vi.fn().mockResolvedValue(undefined), isOpen: vi.fn().mockResolvedValue(false) };
      await onNotificationClicked('tandem:thanks:9');
      expect(firefox.sidebarAction.open).toHaveBeenCalledTimes(1);
      expect((await panelIntentItem.getValue())?.askId).toBeUndefined(); // a thank-you: the inbox
      // Refused with the sidebar open: it shows the item itself, no tab.
      firefox.sidebarAction = { open: refused(), isOpen: vi.fn().mockResolvedValue(true) };
      await onNotificationClicked('tandem:thanks:10');
      await vi.waitFor(() => expect(firefox.sidebarAction?.isOpen).toHaveBeenCalled());
      // Refused with it closed: the panel page in a tab.
      firefox.sidebarAction = { open: refused(), isOpen: vi.fn().mockResolvedValue(false) };
      await onNotificationClicked('tandem:thanks:11');
      await vi.waitFor(() => expect(tabs).toHaveBeenCalledTimes(1));
    } finally {
      delete firefox.sidebarAction;
    }
  });
});
