import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CauseChooser } from '../../../extension/entrypoints/sidepanel/cause-chooser.tsx';
import { CauseSlot } from '../../../extension/entrypoints/sidepanel/cause-slot.tsx';
import { Inbox } from '../../../extension/entrypoints/sidepanel/inbox.tsx';
import { initialListState } from '../../../extension/entrypoints/sidepanel/list-notices.tsx';
import { type Api, ApiProblem } from '../../../extension/utils/api.ts';
import { aDetail, mountDetail, priya, sam, unmountDetails } from './ask-fixtures.ts';
import { fakeApi, inboxOf, resolvedAsk } from './fixtures.ts';

// The background's checks of the panel's forms (the decline's reason), run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

const causeNames = [
  'Information missing',
  'Unclear who owns it',
  'Tools or access',
  'Waiting on another team',
  'Capacity',
  'Other',
];

function mount(noteCause = vi.fn(async (askId: string, cause: string) => ({ askId, cause, step: 'declined' }))) {
  const done = vi.fn();
  render(<CauseChooser client={{ noteCause } as unknown as Api} askId="a_1" done={done} />);
  return { noteCause, done };
}

describe('the cause chooser', () => {
  afterEach(() => {
    cleanup();
    unmountDetails();
  });

  it('asks what got in the way with six categories and Skip, focus on the question, no field to type a name in', () => {
    mount();
    expect(document.activeElement?.textContent).toBe('What got in the way?');
    const group = screen.getByRole('region', { name: 'What got in the way?' });
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(causeNames);
    expect(screen.getByRole('button', { name: 'Skip' })).toBeTruthy();
    expect(document.querySelectorAll('input, textarea, select')).toHaveLength(0);
  });

  it('records one tap and says so, then tells its host', async () => {
    const { noteCause, done } = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Tools or access' }));
    await screen.findByText('Noted: Tools or access. Thank you.');
    expect(noteCause).toHaveBeenCalledWith('a_1', 'tools_or_access');
    expect(done).toHaveBeenCalledWith('tools_or_access');
    expect(screen.queryByRole('button', { name: 'Capacity' })).toBeNull();
  });

  it('is skipped with Skip or Escape, recording nothing', () => {
    const { noteCause, done } = mount();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Capacity' }), { key: 'Escape' });
    expect(done).toHaveBeenLastCalledWith(null);
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    expect(done).toHaveBeenCalledTimes(2);
    expect(noteCause).not.toHaveBeenCalled();
  });

  it('says why when the server refuses, and lets the person tap again', async () => {
    const noteCause = vi.fn().mockRejectedValueOnce(new ApiProblem('conflict', 'A cause is already recorded', {}, 409));
    const { done } = mount(noteCause);
    fireEvent.click(screen.getByRole('button', { name: 'Capacity' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Could not record it: A cause is already recorded',
    );
    expect(done).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Capacity' })).toHaveProperty('disabled', false));
  });

  it('arrives through the slot, loaded when first needed', async () => {
    render(<CauseSlot client={{} as Api} askId="a_1" done={vi.fn()} />);
    expect(await screen.findByText('What got in the way?')).toBeTruthy();
  });
});

describe('the cause after a step in the ask detail', () => {
  afterEach(unmountDetails);

  it('follows a decline, and goes with Skip, focus on the next step', async () => {
    const declined = aDetail({ status: 'declined' }, { transitions: [] });
    const transition = vi.fn(async () => declined);
    const noteCause = vi.fn();
    const { view } = mountDetail({ transition, noteCause });
    view.open(aDetail({}, { transitions: ['acknowledged', 'declined'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByLabelText('Reason for declining'), { target: { value: 'Not ours' } });
    fireEvent.click(screen.getByRole('button', { name: 'Decline ask' }));
    expect(await screen.findByText('What got in the way?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(screen.queryByText('What got in the way?')).toBeNull());
    expect(noteCause).not.toHaveBeenCalled();
  });

  it('follows the requester reopening a declined ask', async () => {
    const transition = vi.fn(async (_id: string, input: { status: string }) =>
      aDetail({ status: input.status as never }, { transitions: ['resolved'] }),
    );
    const { view } = mountDetail({ transition, noteCause: vi.fn() }, sam.id);
    view.open(aDetail({ status: 'declined' }, { transitions: ['open'] }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen' }));
    expect(await screen.findByText('What got in the way?')).toBeTruthy();
    expect(transition).toHaveBeenCalledWith('a_1', { status: 'open' });
  });

  it('follows a forward back, before the ask leaves the reader (a plain forward: ask-manage.test.tsx)', async () => {
    const forward = vi.fn(async () => ({}) as never);
    const ask = vi.fn().mockRejectedValue(new ApiProblem('not_found', 'Not found', {}, 404));
    const noteCause = vi.fn(async () => ({}) as never);
    const { view, on } = mountDetail({ forward, ask, noteCause }, priya.id);
    // Payroll forwarded it to IT Help; IT Help sends it back to Payroll: a bounce.
    const it = { id: 'd_it', name: 'IT Help' };
    const timeline = [
      { seq: 10, at: '2026-12-01T09:00:00Z', actor: sam, type: 'created' as const },
      {
        seq: 11,
        at: '2026-12-01T10:00:00Z',
        actor: priya,
        type: 'forwarded' as const,
        from: { id: 'd_pay', name: 'Payroll' },
        to: it,
      },
    ];
    view.open(aDetail({ to: { kind: 'department', ...it } }, { canForward: true }, timeline));
    const to = await screen.findByRole('combobox', { name: 'Forward to' });
    await screen.findByRole('option', { name: 'Payroll' });
    fireEvent.change(to, { target: { value: 'd_pay' } });
    fireEvent.click(screen.getByRole('button', { name: 'Forward' }));
    expect(await screen.findByText('What got in the way?')).toBeTruthy();
    expect(on.gone).not.toHaveBeenCalled();
    expect(screen.queryByRole('combobox', { name: 'Forward to' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Information missing' }));
    await waitFor(() => expect(on.gone).toHaveBeenCalled());
    expect(noteCause).toHaveBeenCalledWith('a_1', 'information_missing');
  });
});

describe('the cause after a low rating in the inbox', () => {
  afterEach(cleanup);

  it('asks under the confirmation of 1 or 2 stars, never of 3, and records the tap', async () => {
    const rate = vi.fn(async () => ({ ask: {} }) as never);
    const noteCause = vi.fn(async () => ({}) as never);
    const on = { refresh: vi.fn(), open: vi.fn(), rated: vi.fn() };
    const asks = [
      resolvedAsk({ id: 'a_1', subject: 'Overtime missing' }),
      resolvedAsk({ id: 'a_2', subject: 'Laptop' }),
    ];
    render(
      <Inbox client={fakeApi({ rate, noteCause })} data={inboxOf({ toRate: asks })} state={initialListState} {...on} />,
    );
    const [overtime, laptop] = screen.getAllByRole('region').filter((r) => r.classList.contains('rate-card'));
    fireEvent.click(within(laptop).getByRole('radio', { name: '3 stars' }));
    fireEvent.click(within(laptop).getByRole('button', { name: 'Rate only' }));
    await screen.findByText('Rated “Laptop”.');
    fireEvent.click(within(overtime).getByRole('radio', { name: '2 stars' }));
    fireEvent.click(within(overtime).getByRole('button', { name: 'Rate only' }));
    await screen.findByText('What got in the way?');
    expect(screen.getAllByText('What got in the way?')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Waiting on another team' }));
    await screen.findByText('Noted: Waiting on another team. Thank you.');
    expect(noteCause).toHaveBeenCalledWith('a_1', 'waiting_on_team');
  });
});
