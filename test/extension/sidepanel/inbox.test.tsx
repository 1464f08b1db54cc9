import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { render as renderNow } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { firstRows, Inbox } from '../../../extension/entrypoints/sidepanel/inbox.tsx';
import { initialListState } from '../../../extension/entrypoints/sidepanel/list-notices.tsx';
import type { Inbox as InboxData } from '../../../shared/inbox.ts';
import { fakeApi, inboxOf, makeAsk, makeThank, resolvedAsk } from './fixtures.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

function mount(data: InboxData | null, client = fakeApi()) {
  const on = { refresh: vi.fn(), open: vi.fn(), rated: vi.fn() };
  const ui = (next: InboxData | null) => <Inbox client={client} data={next} state={initialListState} {...on} />;
  const view = render(ui(data));
  return { ...on, client, rerender: (next: InboxData) => view.rerender(ui(next)) };
}
const section = (name: string) => screen.getByRole('region', { name });
const list = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`) });

describe('inbox', () => {
  afterEach(cleanup);

  it('shows asks for me, asks I sent and thanks, one list at a time', () => {
    mount(
      inboxOf({
        forMe: [makeAsk({ id: 'a_1', subject: 'Overtime missing', replyCount: 2 })],
        sent: [makeAsk({ id: 'a_2', subject: 'New laptop', to: { kind: 'person', id: 'p_it', name: 'Ira Tan' } })],
        thanks: [makeThank({ values: ['Care'], visibility: 'private' })],
      }),
    );
    const forMe = section('Asks for me');
    expect(within(forMe).getByRole('button').textContent).toContain('from Sam Rivera to Payroll');
    expect(document.getElementById('inbox-sent')?.hidden).toBe(true);
    // Lists nobody is looking at are not rendered (they can hold hundreds of rows).
    expect(document.querySelectorAll('#inbox-sent li, #inbox-thanks li')).toHaveLength(0);
    expect(list('For me').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(list('Sent'));
    expect(forMe.hidden).toBe(true);
    expect(within(section('Asks I sent')).getByRole('button').textContent).toContain('to Ira Tan');
    expect(list('Sent').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(list('Thanks'));
    const thanks = section('Thanks received');
    expect(within(thanks).getByText('Thanks for the quick review')).toBeTruthy();
    expect(thanks.textContent).toContain('from Priya Natarajan');
    expect(within(thanks).getByText('Care')).toBeTruthy();
    expect(within(thanks).getByText('Private')).toBeTruthy();
  });

  it('counts the open asks for me on the "For me" button, and shows no count at zero', () => {
    const { rerender } = mount(
      inboxOf({
        forMe: [
          makeAsk({ id: 'a_1' }),
          makeAsk({ id: 'a_2', status: 'in_progress' }),
          makeAsk({ id: 'a_3', status: 'resolved' }),
          makeAsk({ id: 'a_4', status: 'declined' }),
        ],
      }),
    );
    const count = () => list('For me').querySelector('.toggle-count') as HTMLElement;
    expect(count().textContent).toBe('2');
    expect(count().hidden).toBe(false);
    rerender(inboxOf({ forMe: [makeAsk({ status: 'resolved' })] }));
    expect(count().hidden).toBe(true);
  });

  it('says what each empty list is for, and nothing before the first load', () => {
    const { rerender } = mount(null);
    expect(screen.queryByText(/Nothing waiting for you/)).toBeNull();
    rerender(inboxOf());
    expect(
      screen.getByText('Nothing waiting for you. Asks sent to you or your departments show up here.'),
    ).toBeTruthy();
    fireEvent.click(list('Sent'));
    expect(screen.getByText(/You have not asked anything yet/)).toBeTruthy();
    fireEvent.click(list('Thanks'));
    expect(screen.getByText(/No thanks yet/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'To rate' })).toBeNull();
  });

  it('opens an ask from its row, named by its subject; a long subject keeps its whole text as the title', () => {
    const long = 'The overtime for the 12th of November is missing from my payslip and so is the night bonus';
    const ask = makeAsk({ subject: long });
    const { open } = mount(inboxOf({ forMe: [ask] }));
    const row = screen.getByRole('button', { name: new RegExp(`^${long}`) });
    expect(row.querySelector('.item-title')?.getAttribute('title')).toBe(long);
    fireEvent.click(row);
    expect(open).toHaveBeenCalledWith(ask);
  });

  it('keeps focus on the row it was on when a refresh brings new asks above it', () => {
    const first = [makeAsk({ id: 'a_1', subject: 'First' }), makeAsk({ id: 'a_2', subject: 'Second' })];
    const { rerender } = mount(inboxOf({ forMe: first }));
    list('Second').focus();
    rerender(inboxOf({ forMe: [makeAsk({ id: 'a_0', subject: 'Newest' }), ...first.map((a) => ({ ...a }))] }));
    expect(document.activeElement?.textContent).toMatch(/^Second/);
  });

  it('keeps half-chosen stars on a rating card when a refresh brings another card above it', () => {
    const { rerender } = mount(inboxOf({ toRate: [resolvedAsk({ id: 'a_1', subject: 'Overtime missing' })] }));
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: 'Overall' })).getByRole('radio', { name: '4 stars' }),
    );
    rerender(
      inboxOf({
        toRate: [
          resolvedAsk({ id: 'a_9', subject: 'Laptop' }),
          resolvedAsk({ id: 'a_1', subject: 'Overtime missing' }),
        ],
      }),
    );
    const [laptop, overtime] = screen.getAllByRole('radiogroup', { name: 'Overall' });
    expect(within(overtime).getByRole<HTMLInputElement>('radio', { name: '4 stars' }).checked).toBe(true);
    expect(
      within(laptop)
        .getAllByRole<HTMLInputElement>('radio')
        .some((r) => r.checked),
    ).toBe(false);
  });

  it('turns a rated card into its confirmation in the same place, with focus, until dismissed', async () => {
    const rate = vi.fn(async () => ({ ask: {} }) as never);
    const asks = [
      resolvedAsk({ id: 'a_1', subject: 'Overtime missing' }),
      resolvedAsk({ id: 'a_2', subject: 'Laptop' }),
    ];
    const { rated, rerender } = mount(inboxOf({ toRate: asks }), fakeApi({ rate }));
    const [card] = screen.getAllByRole('region', { name: 'Overtime missing' });
    fireEvent.click(within(card).getByRole('radio', { name: '5 stars' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Rate and thank' }));
    const note = await screen.findByText('Rated “Overtime missing”, and thanks sent to Priya Natarajan.');
    expect(rated).toHaveBeenCalledWith(expect.objectContaining({ thanked: 'Priya Natarajan' }));
    expect(document.activeElement?.contains(note)).toBe(true);
    const toRate = section('To rate');
    const order = () => [...toRate.querySelectorAll('.rate-done, .rate-title')].map((e) => e.textContent);
    expect(order()).toEqual([note.textContent, 'Laptop']);

    // The refresh that follows no longer lists it: the confirmation stays where it was.
    rerender(inboxOf({ toRate: [asks[1]] }));
    expect(order()).toEqual([note.textContent, 'Laptop']);

    fireEvent.click(within(toRate).getByRole('button', { name: 'Dismiss' }));
    expect(order()).toEqual(['Laptop']);
  });

  it('shows a refresh in progress, and refreshes on request', () => {
    const client = fakeApi();
    const on = { refresh: vi.fn(), open: vi.fn(), rated: vi.fn() };
    render(<Inbox client={client} data={inboxOf()} state={{ ...initialListState, loading: true }} {...on} />);
    expect(screen.getByRole('region', { name: 'Inbox' }).getAttribute('aria-busy')).toBe('true');
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    expect(refresh.classList.contains('spinning')).toBe(true);
    fireEvent.click(refresh);
    expect(on.refresh).toHaveBeenCalled();
  });

  it('paints a screenful of rows first and the rest after that paint, and none while hidden', async () => {
    const data = inboxOf({
      forMe: Array.from({ length: 50 }, (_, i) => makeAsk({ id: `a_${i}`, subject: `Ask ${i}` })),
    });
    const on = { client: fakeApi(), state: initialListState, refresh: vi.fn(), open: vi.fn(), rated: vi.fn() };
    const rows = () => document.querySelectorAll('#inbox-for-me .ask-item').length;
    // Preact's own render, without act(): what the first paint holds, before effects run.
    const root = document.body.appendChild(document.createElement('div'));
    renderNow(<Inbox {...on} data={data} hidden />, root);
    expect(rows()).toBe(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(rows()).toBe(0);
    renderNow(<Inbox {...on} data={data} />, root);
    expect(rows()).toBe(firstRows);
    await new Promise((r) => setTimeout(r, 50));
    expect(rows()).toBe(50);
    await act(() => renderNow(null, root));
    root.remove();
  });
});
