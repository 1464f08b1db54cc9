import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inboxView, outboxList, queueView } from '../../../extension/entrypoints/sidepanel/list-mounts.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import { fakeApi, inboxOf, makeAsk, me, resolvedAsk } from './fixtures.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

// The lists as the old shell (components/signed-in.ts) drives them, through their factories' handles.
const unreachable = () => new ApiProblem('network', 'Cannot reach the server.', {});
const at = (h: number, m: number) => new Date(2026, 10, 23, h, m);
const clock = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function mountInbox() {
  const on = { refresh: vi.fn(), open: vi.fn(), rated: vi.fn() };
  const view = inboxView(fakeApi(), me, on);
  document.body.append(view.el);
  return { view, on };
}

describe('the lists as the shell mounts them', () => {
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
    document.body.replaceChildren();
  });

  it('keeps the inbox it last showed while offline, marked with when it was seen, until a refresh works', () => {
    vi.useFakeTimers({ now: at(10, 42), toFake: ['Date'] });
    const { view } = mountInbox();
    view.render(inboxOf({ forMe: [makeAsk({ subject: 'Overtime missing' })] }));
    vi.setSystemTime(at(10, 58));
    view.setError('Could not load the inbox: Cannot reach the server.', unreachable());
    expect(screen.getByRole('button', { name: /^Overtime missing/ })).toBeTruthy();
    const mark = document.getElementById('inbox-offline')!;
    expect(mark.textContent).toBe(`Offline — showing what you saw at ${clock(at(10, 42))}`);
    expect(mark.getAttribute('role')).toBe('status');
    expect(screen.getByRole('alert', { hidden: true }).textContent).toBe('');

    view.render(inboxOf({ forMe: [makeAsk({ subject: 'Overtime found' })] }));
    view.setError(null);
    expect(mark.textContent).toBe('');
    expect(screen.getByRole('button', { name: /^Overtime found/ })).toBeTruthy();
  });

  it('says the inbox could not load when there is nothing to show yet, or the server refused', () => {
    const { view } = mountInbox();
    view.setError('Could not load the inbox: Cannot reach the server.', unreachable());
    expect(screen.getByRole('alert').textContent).toBe('Could not load the inbox: Cannot reach the server.');
    view.render(inboxOf());
    view.setError('Could not load the inbox: The server answered 500', new ApiProblem('http', 'x', {}, 500));
    expect(screen.getByRole('alert').textContent).toBe('Could not load the inbox: The server answered 500');
    expect(document.getElementById('inbox-offline')?.textContent).toBe('');
  });

  it('marks the refresh as busy, announces, and puts focus back on a row of the visible list', () => {
    const { view } = mountInbox();
    view.render(
      inboxOf({
        forMe: [makeAsk({ id: 'a_1', subject: 'Mine' })],
        sent: [makeAsk({ id: 'a_2', subject: 'Sent one' })],
      }),
    );
    view.setLoading(true);
    expect(view.el.querySelector('#inbox')?.getAttribute('aria-busy')).toBe('true');
    view.announce('Rated “Mine”.');
    expect(document.getElementById('inbox-status')?.textContent).toBe('Rated “Mine”.');
    expect(view.focusAsk('a_2')).toBe(false);
    expect(view.focusAsk('a_1')).toBe(true);
    return vi.waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Mine/));
  });

  it('says a rating once, in place of the card, not again in the status line above it', async () => {
    const rate = vi.fn(async () => ({ ask: {} }) as never);
    const view = inboxView(fakeApi({ rate }), me, {
      refresh: vi.fn(),
      open: vi.fn(),
      rated: (e) => view.announce(`Rated “${e.ask.subject}”.`),
    });
    document.body.append(view.el);
    view.render(inboxOf({ toRate: [resolvedAsk()] }));
    fireEvent.click(screen.getByRole('radio', { name: '3 stars' }));
    fireEvent.click(screen.getByRole('button', { name: 'Rate only' }));
    await screen.findByText('Rated “Overtime missing”.');
    expect(screen.getAllByRole('status').filter((s) => s.textContent?.includes('Rated'))).toHaveLength(1);
    expect(document.getElementById('inbox-status')?.textContent).toBe('');
    view.announce('This ask was forwarded to IT.');
    expect(document.getElementById('inbox-status')?.textContent).toBe('This ask was forwarded to IT.');
  });

  it('shows the Outbox first in the inbox, and nothing of it when it is empty', () => {
    const retry = vi.fn();
    const outbox = outboxList({ retry, discard: vi.fn() });
    const view = inboxView(fakeApi(), me, { refresh: vi.fn(), open: vi.fn(), rated: vi.fn() }, outbox.el);
    document.body.append(view.el);
    view.render(inboxOf());
    expect(document.getElementById('outbox')).toBeNull();
    const item = {
      id: 'o_1',
      key: 'k',
      account: 'a',
      request: { kind: 'thank' },
      to: 'Priya Natarajan',
      snippet: 'Thanks!',
      createdAt: 0,
      state: 'pending',
    } as never;
    outbox.render([item]);
    const box = document.getElementById('outbox')!;
    expect(view.el.contains(box)).toBe(true);
    fireEvent.click(within(box).getByRole('button', { name: 'Retry Thanks!' }));
    expect(retry).toHaveBeenCalledWith(item);
  });

  it('keeps the queue it last showed while offline, too', () => {
    vi.useFakeTimers({ now: at(9, 5), toFake: ['Date'] });
    const queue = queueView({ refresh: vi.fn(), open: vi.fn() });
    document.body.append(queue.el);
    queue.render({
      queues: [{ department: { id: 'd_pay', name: 'Payroll' }, asks: [makeAsk()], overdue: 0, dueToday: 0 }],
    });
    queue.setError('Could not load the queue: Cannot reach the server.', unreachable());
    expect(screen.getByRole('button', { name: /^Overtime missing/ })).toBeTruthy();
    expect(document.getElementById('queue-offline')?.textContent).toBe(
      `Offline — showing what you saw at ${clock(at(9, 5))}`,
    );
  });
});
