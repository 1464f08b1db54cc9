import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SignedIn } from '../../../extension/entrypoints/sidepanel/signed-in.tsx';
import { type Api, ApiProblem } from '../../../extension/utils/api.ts';
import { accountOf } from '../../../extension/utils/outbox.ts';
import {
  composeIntentItem,
  type OutboxItem,
  outboxItem,
  panelIntentItem,
  readSession,
  seenInboxItem,
  sessionItem,
} from '../../../extension/utils/storage.ts';
import type { Me } from '../../../shared/session.ts';
import { aDetail } from './ask-fixtures.ts';
import { fakeApi, inboxOf, makeAsk, me, resolvedAsk } from './fixtures.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));
// The pulse cards' own calls (after the inbox settles): nothing waits, so the panel shows none.
vi.mock('../../../extension/utils/pulse-api.ts', () => ({
  pulseApi: () => ({ mine: async () => ({ pending: [], changes: [] }) }),
}));

// The signed-in panel as a person meets it: its views, fed by an API the test scripts.
const unreachable = () => new ApiProblem('network', 'Cannot reach the server.', {});
const at = (h: number, m: number) => new Date(2026, 10, 23, h, m);
const clock = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
const payrollMember = { ...me, departments: [{ id: 'd_pay', name: 'Payroll' }] } as unknown as Me;

function mount(methods: Partial<Record<keyof Api, unknown>>, who: Me = me, composing = false) {
  const session = { serverUrl: 'http://127.0.0.1:8787', token: 't', me: who };
  const client = fakeApi({
    sync: vi.fn(async () => ({ seq: 1, changed: false })),
    me: vi.fn(async () => who),
    directory: vi.fn(async () => ({ entries: [] })),
    ...methods,
  });
  const hooks = { signOut: vi.fn(), sessionEnded: vi.fn() };
  render(<SignedIn session={session} client={client} composing={composing} {...hooks} />);
  return { ...hooks, session };
}
const refresh = (list: 'inbox' | 'queue') =>
  fireEvent.click(document.querySelector(`#${list} [aria-label="Refresh"]`)!);

describe('the signed-in panel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The background's answer to the panel's fire-and-forget messages (changed, outbox flush).
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: true, reply: null }));
  });
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('keeps the inbox it last showed while offline, marked with when it was seen, until a refresh works', async () => {
    vi.useFakeTimers({ now: at(10, 42), toFake: ['Date'] });
    const inbox = vi
      .fn()
      .mockResolvedValueOnce(inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] }))
      .mockRejectedValueOnce(unreachable())
      .mockResolvedValueOnce(inboxOf({ forMe: [makeAsk({ subject: 'Overtime found' })] }));
    mount({ inbox });
    await screen.findByRole('button', { name: /^Overtime missing/ });
    vi.setSystemTime(at(10, 58));
    refresh('inbox');
    const mark = document.getElementById('inbox-offline')!;
    await waitFor(() => expect(mark.textContent).toBe(`Offline — showing what you saw at ${clock(at(10, 42))}`));
    expect(screen.getByRole('button', { name: /^Overtime missing/ })).toBeTruthy();
    expect(within(document.getElementById('inbox')!).getByRole('alert', { hidden: true }).textContent).toBe('');

    refresh('inbox');
    await screen.findByRole('button', { name: /^Overtime found/ });
    expect(mark.textContent).toBe('');
  });

  it('paints the inbox as last seen when reopened, marked, until the server answers; then remembers the answer', async () => {
    vi.useFakeTimers({ now: at(11, 5), toFake: ['Date'] });
    const account = accountOf({ serverUrl: 'http://127.0.0.1:8787', me });
    const earlier = inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] });
    await seenInboxItem.setValue({ account, seenAt: at(10, 42).getTime(), data: earlier });
    let answer: (value: unknown) => void = () => {};
    mount({ inbox: vi.fn(() => new Promise((resolve) => (answer = resolve))) });

    await screen.findByRole('button', { name: /^Overtime missing/ });
    const mark = document.getElementById('inbox-offline')!;
    expect(mark.textContent).toBe(`Updating — showing what you saw at ${clock(at(10, 42))}`);

    const fresh = inboxOf({ forMe: [makeAsk({ subject: 'Overtime found' })] });
    await act(async () => answer(fresh));
    await screen.findByRole('button', { name: /^Overtime found/ });
    expect(screen.queryByRole('button', { name: /^Overtime missing/ })).toBeNull();
    expect(mark.textContent).toBe('');
    await waitFor(async () => expect((await seenInboxItem.getValue())?.data).toEqual(fresh));
    expect((await seenInboxItem.getValue())?.account).toBe(account);
  });

  it('never paints an inbox remembered for another account', async () => {
    const other = inboxOf({ forMe: [makeAsk({ subject: 'Someone else’s ask' })] });
    await seenInboxItem.setValue({ account: 'http://127.0.0.1:8787 p_other', seenAt: Date.now(), data: other });
    let answer: (value: unknown) => void = () => {};
    mount({ inbox: vi.fn(() => new Promise((resolve) => (answer = resolve))) });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: /^Someone else/ })).toBeNull();
    await act(async () => answer(inboxOf({ forMe: [makeAsk({ subject: 'Mine' })] })));
    await screen.findByRole('button', { name: /^Mine/ });
  });

  it('reopened without a network, keeps the remembered inbox and says it is offline', async () => {
    vi.useFakeTimers({ now: at(11, 5), toFake: ['Date'] });
    const account = accountOf({ serverUrl: 'http://127.0.0.1:8787', me });
    const earlier = inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] });
    await seenInboxItem.setValue({ account, seenAt: at(10, 42).getTime(), data: earlier });
    mount({ inbox: vi.fn().mockRejectedValue(unreachable()) });
    await screen.findByRole('button', { name: /^Overtime missing/ });
    await waitFor(() =>
      expect(document.getElementById('inbox-offline')!.textContent).toBe(
        `Offline — showing what you saw at ${clock(at(10, 42))}`,
      ),
    );
  });

  it('asks for the inbox alone first; the details, the sync and the directory follow once its answer is painted, and remembering it once the page is idle', async () => {
    // Frames and idle callbacks come only when the test says: what waits for them must not come before.
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    let answer: (value: unknown) => void = () => {};
    const inbox = vi.fn(() => new Promise((resolve) => (answer = resolve)));
    const methods = {
      inbox,
      me: vi.fn(async () => me),
      sync: vi.fn(async () => ({ seq: 1, changed: false })),
      directory: vi.fn(async () => ({ entries: [] })),
    };
    mount(methods);
    await waitFor(() => expect(inbox).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 50));
    expect([methods.me, methods.sync, methods.directory].map((m) => m.mock.calls.length)).toEqual([0, 0, 0]);

    const fresh = inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] });
    answer(fresh);
    await screen.findByRole('button', { name: /^Overtime missing/ });
    // Preact runs the render's effects within 100 ms even with no frame: still nothing else has gone out.
    await new Promise((r) => setTimeout(r, 150));
    expect([methods.me, methods.sync, methods.directory].map((m) => m.mock.calls.length)).toEqual([0, 0, 0]);
    expect((await seenInboxItem.getValue())?.data).not.toEqual(fresh);

    // The frame that paints the answer; then the rest, and not yet remembering it (the page is not idle).
    for (const run of frames.splice(0)) run(performance.now());
    await waitFor(() =>
      expect([methods.me, methods.sync, methods.directory].map((m) => m.mock.calls.length)).toEqual([1, 1, 1]),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect((await seenInboxItem.getValue())?.data).not.toEqual(fresh);
    for (const run of idle.splice(0)) run();
    await waitFor(async () => expect((await seenInboxItem.getValue())?.data).toEqual(fresh));
  });

  it('remembers no inbox once signed out, even one whose answer was still waiting for the page to be idle', async () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    mount({ inbox: vi.fn(async () => inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] })) });
    await screen.findByRole('button', { name: /^Overtime missing/ });
    // Signed out (the views go, the session and what it saw are cleared) before the page is idle.
    cleanup();
    await seenInboxItem.removeValue();
    for (const run of idle.splice(0)) run();
    await new Promise((r) => setTimeout(r, 50));
    expect(await seenInboxItem.getValue()).toBeNull();
  });

  it('paints the server’s answer first when it comes within moments: never the remembered inbox it replaces', async () => {
    const account = accountOf({ serverUrl: 'http://127.0.0.1:8787', me });
    await seenInboxItem.setValue({
      account,
      seenAt: Date.now(),
      data: inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] }),
    });
    // Every row that ever appears.
    const appeared: string[] = [];
    const rows = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) appeared.push(node.textContent ?? '');
    });
    rows.observe(document.body, { childList: true, subtree: true, characterData: true });
    // The answer comes after the remembered inbox has been read, and after a frame or two.
    const fresh = inboxOf({ forMe: [makeAsk({ id: 'a_2', subject: 'Overtime found' })] });
    mount({ inbox: vi.fn(() => new Promise((resolve) => setTimeout(() => resolve(fresh), 60))) });
    await screen.findByRole('button', { name: /^Overtime found/ });
    await new Promise((r) => setTimeout(r, 200));
    rows.disconnect();
    expect(appeared.some((row) => row.includes('Overtime missing'))).toBe(false);
    expect(document.getElementById('inbox-offline')?.textContent).toBe('');
  });

  it('keeps the person signed out when they sign out while their details are being refreshed', async () => {
    let answer: (value: Me) => void = () => {};
    const details = vi.fn(() => new Promise<Me>((resolve) => (answer = resolve)));
    await sessionItem.setValue({ serverUrl: 'http://127.0.0.1:8787', token: 't', me });
    mount({ inbox: vi.fn(async () => inboxOf({})), me: details });
    await waitFor(() => expect(details).toHaveBeenCalledTimes(1));
    await sessionItem.removeValue(); // signed out, here or in another window
    answer({ ...me, person: { ...me.person, title: 'Promoted' } } as Me);
    await new Promise((r) => setTimeout(r, 50));
    expect(await sessionItem.getValue()).toBeNull();
  });

  it('never writes the session when refreshing details, so a sign-out at any moment holds', async () => {
    // CI once met a refresh that read the session, then a sign-out, then the refresh writing the session back.
    await sessionItem.setValue({ serverUrl: 'http://127.0.0.1:8787', token: 't', me });
    const written = vi.spyOn(sessionItem, 'setValue');
    const details = vi.fn(async () => ({ ...me, person: { ...me.person, title: 'Promoted' } }) as Me);
    mount({ inbox: vi.fn(async () => inboxOf({})), me: details });
    await waitFor(async () => expect((await readSession())?.me.person.title).toBe('Promoted'));
    expect(written).not.toHaveBeenCalled();
    written.mockRestore();
  });

  it('shows fresher details of the person still signed in, and forgets them with the session', async () => {
    const promoted = { ...me, person: { ...me.person, title: 'Promoted' } } as Me;
    await sessionItem.setValue({ serverUrl: 'http://127.0.0.1:8787', token: 't', me });
    mount({ inbox: vi.fn(async () => inboxOf({})), me: vi.fn(async () => promoted) });
    await waitFor(async () => expect((await readSession())?.me.person.title).toBe('Promoted'));
    // Details kept for one token never dress another session.
    await sessionItem.setValue({ serverUrl: 'http://127.0.0.1:8787', token: 'someone-else', me });
    expect((await readSession())?.me.person.title).toBe(me.person.title);
  });

  it('says the inbox could not load when there is nothing to show yet, or the server refused', async () => {
    const inbox = vi
      .fn()
      .mockRejectedValueOnce(unreachable())
      .mockRejectedValueOnce(new ApiProblem('http', 'The server answered 500', {}, 500));
    mount({ inbox });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Could not load the inbox: Cannot reach the server.'),
    );
    refresh('inbox');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Could not load the inbox: The server answered 500'),
    );
    expect(document.getElementById('inbox-offline')?.textContent).toBe('');
  });

  it('ends the session when the server no longer accepts it', async () => {
    const { sessionEnded } = mount({ inbox: vi.fn().mockRejectedValue(new ApiProblem('http', 'x', {}, 401)) });
    await waitFor(() => expect(sessionEnded).toHaveBeenCalled());
  });

  it('opens an ask from the inbox, and Back puts focus on its row again', async () => {
    mount({
      inbox: vi.fn(async () => inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] })),
      ask: vi.fn(async () => aDetail({ subject: 'Overtime missing' })),
    });
    fireEvent.click(await screen.findByRole('button', { name: /^Overtime missing/ }));
    expect(document.getElementById('inbox')?.closest('[hidden]')).not.toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Overtime missing/));
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('says a rating once, in place of the card, not again in the status line above it', async () => {
    const rate = vi.fn(async () => ({ ask: {} }) as never);
    mount({ inbox: vi.fn(async () => inboxOf({ toRate: [resolvedAsk()] })), rate });
    fireEvent.click(await screen.findByRole('radio', { name: '3 stars' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rate only' }));
    await screen.findByText('Rated “Overtime missing”.');
    expect(screen.getAllByRole('status').filter((s) => s.textContent?.includes('Rated'))).toHaveLength(1);
  });

  it('shows what waits in the Outbox first in the inbox, and retries one on request', async () => {
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const { session } = mount({ inbox: vi.fn(async () => inboxOf()) });
    await screen.findByText(/Nothing waiting for you/);
    expect(document.getElementById('outbox')).toBeNull();
    const item = {
      id: 'o_1',
      key: 'k',
      account: accountOf(session),
      request: { kind: 'thank' },
      to: 'Priya Natarajan',
      snippet: 'Thanks!',
      createdAt: 0,
      state: 'pending',
    } as unknown as OutboxItem;
    await act(() => outboxItem.setValue([item, { ...item, id: 'o_2', account: 'someone else' }]));
    const box = await waitFor(() => document.getElementById('outbox')!);
    expect(document.getElementById('inbox')?.contains(box)).toBe(true);
    expect(within(box).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(within(box).getByRole('button', { name: 'Retry Thanks!' }));
    expect(sent).toHaveBeenCalledWith({ type: 'outbox-retry', id: 'o_1' });
  });

  it('opens New in the mode a shortcut asked for, cursor in "To", and forgets the request', async () => {
    mount({ inbox: vi.fn(async () => inboxOf()) });
    await act(() => composeIntentItem.setValue({ mode: 'thank', at: Date.now() }));
    await waitFor(() => expect(document.activeElement?.id).toBe('recipient'));
    expect(document.getElementById('tab-new')?.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Thank' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect(await composeIntentItem.getValue()).toBeNull());
  });

  it('opened by a shortcut, shows New from its first render; the inbox is asked for and rendered once the page is idle', async () => {
    await composeIntentItem.setValue({ mode: 'ask', at: Date.now() });
    // Idle callbacks come when the test says (happy-dom has none); frames and timers run as they do.
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run));
    vi.stubGlobal('cancelIdleCallback', () => {});
    const inbox = vi.fn(async () => inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] }));
    mount({ inbox }, me, true);
    // The first render: New is the view; the lists are not rendered and the inbox's request is not yet sent.
    expect(document.getElementById('tab-new')?.getAttribute('aria-pressed')).toBe('true');
    expect(document.getElementById('compose-view')?.hidden).toBe(false);
    expect(document.getElementById('inbox')).toBeNull();
    expect(inbox).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement?.id).toBe('recipient'));
    // Painted and ready to type in, a few frames on: still nothing asked of the server for the inbox.
    await new Promise((r) => setTimeout(r, 150));
    expect(inbox).not.toHaveBeenCalled();
    for (const run of idle.splice(0)) run();
    await waitFor(() => expect(inbox).toHaveBeenCalledTimes(1));
    // Then the lists come by themselves, hidden behind the composer, which keeps the cursor.
    await waitFor(() => expect(document.getElementById('inbox')?.closest('[hidden]')).toBeTruthy());
    expect(document.activeElement?.id).toBe('recipient');
    fireEvent.click(document.getElementById('tab-inbox')!);
    await screen.findByRole('button', { name: /^Overtime missing/ });
  });

  it('opens the ask a notification was clicked for, on its rating for "Rate and thank", and forgets the request', async () => {
    const detail = aDetail(
      { id: 'a_9', subject: 'Payslip fixed?', status: 'resolved', resolvedBy: { id: 'p_priya', name: 'Priya' } },
      { canRate: true },
    );
    const ask = vi.fn(async () => detail);
    // The inbox behind it has an ask to rate of its own: the rating focused is the opened ask's.
    const inbox = vi.fn(async () => inboxOf({ toRate: [resolvedAsk({ id: 'a_1', subject: 'Laptop fixed' })] }));
    mount({ inbox, ask });
    await screen.findByText('Laptop fixed');
    await act(() => panelIntentItem.setValue({ askId: 'a_9', rate: true, at: Date.now() }));
    await waitFor(() => expect(document.getElementById('ask-heading')?.textContent).toBe('Payslip fixed?'));
    expect(ask).toHaveBeenCalledWith('a_9');
    await waitFor(() => expect(document.activeElement?.className).toBe('rate-title'));
    expect(document.activeElement?.closest('#ask-detail')).not.toBeNull();
    await waitFor(async () => expect(await panelIntentItem.getValue()).toBeNull());
  });

  it('opens the Notifications view from the bell, loaded on first use, and goes back', async () => {
    const notificationPrefs = vi.fn(async () => ({
      kinds: { newAsk: true, reply: true, resolved: true, thanks: true, atRisk: true },
      quietHours: null,
      timeZone: 'UTC',
    }));
    mount({ inbox: vi.fn(async () => inboxOf()), notificationPrefs });
    fireEvent.click(screen.getByRole('button', { name: 'Notifications' }));
    await screen.findByRole('checkbox', { name: 'Thank-yous to me' });
    expect(document.getElementById('inbox')?.closest('[hidden]')).not.toBeNull();
    // No tab reads as the current view under the notification settings.
    const pressed = () =>
      [...document.querySelectorAll('#tab-inbox, #tab-new')].map((t) => t.getAttribute('aria-pressed'));
    expect(pressed()).toEqual(['false', 'false']);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('open-notifications'));
    expect(document.getElementById('inbox')?.closest('[hidden]')).toBeNull();
    expect(pressed()).toEqual(['true', 'false']);
  });

  it('shows how many asks wait on the reader beside Inbox, and the queue only to department members', async () => {
    mount({
      inbox: vi.fn(async () => inboxOf()),
      sync: vi.fn(async () => ({ seq: 3, changed: false, waitingOnMe: 4 })),
    });
    await waitFor(() => expect(document.querySelector('#tab-inbox .toggle-count')?.textContent).toBe('4'));
    expect((document.getElementById('tab-queue') as HTMLButtonElement).hidden).toBe(true);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('keeps the queue it last showed while offline, too', async () => {
    vi.useFakeTimers({ now: at(9, 5), toFake: ['Date'] });
    const queue = vi
      .fn()
      .mockResolvedValueOnce({
        queues: [{ department: { id: 'd_pay', name: 'Payroll' }, asks: [makeAsk()], overdue: 0, dueToday: 0 }],
      })
      .mockRejectedValueOnce(unreachable());
    mount({ inbox: vi.fn(async () => inboxOf()), queue }, payrollMember);
    fireEvent.click(screen.getByRole('button', { name: /^Queue/ }));
    await screen.findByRole('button', { name: /^Overtime missing/ });
    refresh('queue');
    await waitFor(() =>
      expect(document.getElementById('queue-offline')?.textContent).toBe(
        `Offline — showing what you saw at ${clock(at(9, 5))}`,
      ),
    );
    expect(screen.getByRole('button', { name: /^Overtime missing/ })).toBeTruthy();
  });
});
