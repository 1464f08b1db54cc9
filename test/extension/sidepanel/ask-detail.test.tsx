import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../extension/utils/api.ts';
import type { AskDetail } from '../../../shared/asks.ts';
import { aDetail, anAsk, later, mountDetail, omar, priya, sam, unmountDetails } from './ask-fixtures.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

const heading = () => screen.getByRole('heading', { level: 2 });
/** The shell's open, then the first render (the detail renders on Preact's next tick). */
const shown = (subject = 'Overtime missing on my November payslip') => screen.findByRole('heading', { name: subject });
const status = () => document.getElementById('ask-status')?.textContent;
const alert = () => document.getElementById('ask-alert');

describe('an ask’s detail', () => {
  afterEach(unmountDetails);

  it('shows the list’s copy at once, focused on its heading, then the whole ask', async () => {
    const loaded = later<AskDetail>();
    const ask = vi.fn(() => loaded.promise);
    const { view } = mountDetail({ ask });
    view.open(anAsk({ importance: 'urgent', clock: { ...anAsk().clock, overdue: true } }), 'Opened from the badge.');
    await shown();
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(heading().textContent).toBe('Overtime missing on my November payslip');
    expect(screen.getByText('Opened from the badge.')).toBeTruthy();
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByText('Urgent')).toBeTruthy();
    expect(screen.queryByText('Activity')).toBeNull();
    expect(document.getElementById('ask-detail')?.getAttribute('aria-busy')).toBe('true');
    expect(view.currentId()).toBe('a_1');
    expect(view.seq()).toBe(0);

    loaded.resolve(
      aDetail({
        assignee: priya,
        context: { url: 'https://payroll.example/nov', title: 'Payslip — November', selection: 'Overtime: 0.00 h' },
      }),
    );
    await screen.findByText('Activity');
    expect(ask).toHaveBeenCalledWith('a_1');
    const facts = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(facts.slice(0, 3)).toEqual(['Payroll', expect.stringMatching(/^Sam Rivera · /), 'Priya Natarajan']);
    expect(screen.getByRole('link', { name: 'Payslip — November' }).getAttribute('href')).toBe(
      'https://payroll.example/nov',
    );
    expect(screen.getByText('6 approved hours on the 12th are not paid.')).toBeTruthy();
    expect(screen.getByText('Overtime: 0.00 h')).toBeTruthy();
    expect(screen.getByText('Service')).toBeTruthy();
    expect(document.getElementById('ask-detail')?.getAttribute('aria-busy')).toBe('false');
    expect(view.seq()).toBe(12);
  });

  it('tells the timeline as sentences, oldest first, with replies and the decline reason', async () => {
    const at = new Date().toISOString();
    const detail = aDetail({ status: 'declined', rating: null }, {}, [
      { seq: 1, at, actor: sam, type: 'created', to: { id: 'd_pay', name: 'Payroll' } },
      { seq: 2, at, actor: priya, type: 'assigned', assignee: priya },
      { seq: 3, at, actor: priya, type: 'reply', body: 'Which week?' },
      { seq: 4, at, actor: sam, type: 'reply', body: 'The second.' },
      {
        seq: 5,
        at,
        actor: priya,
        type: 'forwarded',
        from: { id: 'd_pay', name: 'Payroll' },
        to: { id: 'd_it', name: 'IT Help' },
      },
      { seq: 6, at, actor: omar, type: 'status', status: 'declined', reason: 'Not ours' },
    ]);
    const { view } = mountDetail({});
    view.open(detail);
    const events = await screen.findAllByRole('listitem');
    expect(events.map((li) => li.querySelector('.event-line')?.firstChild?.parentElement?.textContent)).toEqual([
      expect.stringMatching(/^Sam Rivera asked Payroll · /),
      expect.stringMatching(/^Priya Natarajan took it · /),
      expect.stringMatching(/^Priya Natarajan replied · /),
      expect.stringMatching(/^Sam Rivera replied \(requester\) · /),
      expect.stringMatching(/^Priya Natarajan forwarded from Payroll to IT Help · /),
      expect.stringMatching(/^Omar Haddad declined it · /),
    ]);
    expect(within(events[2]).getByText('Which week?')).toBeTruthy();
    expect(within(events[5]).getByText('Reason: Not ours')).toBeTruthy();
  });

  it('shows people’s text as text, never as markup', async () => {
    const { view } = mountDetail({});
    view.open(aDetail({ subject: '<img src=x onerror="alert(1)">Hi', details: '<b>bold</b>' }));
    await shown('<img src=x onerror="alert(1)">Hi');
    expect(heading().textContent).toBe('<img src=x onerror="alert(1)">Hi');
    expect(document.querySelector('#ask-detail img, #ask-detail b')).toBeNull();
  });

  it('sends a reply with its own idempotency key, says so, and empties the box', async () => {
    const reply = vi.fn(async () => aDetail({ replyCount: 1 }, { canReply: true }));
    const { view, on } = mountDetail({ reply });
    view.open(aDetail({}, { canReply: true }));
    await shown();
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    expect(await screen.findByText('Write a reply')).toBeTruthy();
    expect(reply).not.toHaveBeenCalled();
    const box = screen.getByLabelText('Reply');
    fireEvent.input(box, { target: { value: '  Found it: booked as leave.  ' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(status()).toBe('Reply sent.'));
    expect(reply).toHaveBeenCalledWith('a_1', 'Found it: booked as leave.', expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect(screen.getByLabelText('Reply')).toHaveProperty('value', '');
    expect(on.changed).toHaveBeenCalled();
  });

  it('keeps a reply that did not go, and retries it with the same key', async () => {
    const reply = vi
      .fn()
      .mockRejectedValueOnce(new ApiProblem('network', 'Cannot reach the server.'))
      .mockResolvedValueOnce(aDetail({}, { canReply: true }));
    const { view, on } = mountDetail({ reply });
    view.open(aDetail({}, { canReply: true }));
    await shown();
    fireEvent.input(screen.getByLabelText('Reply'), { target: { value: 'Fixed.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(alert()?.textContent).toBe('Cannot reach the server.'));
    expect(alert()?.hidden).toBe(false);
    expect(on.failed).toHaveBeenCalled();
    expect(screen.getByLabelText('Reply')).toHaveProperty('value', 'Fixed.');
    fireEvent.click(screen.getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(status()).toBe('Reply sent.'));
    expect(reply.mock.calls[1][2]).toBe(reply.mock.calls[0][2]);
    expect(alert()?.hidden).toBe(true);
  });

  it('moves the ask as the server allows, then offers the next moves with focus on the first', async () => {
    const transition = vi.fn(async () =>
      aDetail({ status: 'acknowledged' }, { transitions: ['in_progress', 'resolved', 'declined'] }),
    );
    const { view, on } = mountDetail({ transition });
    view.open(aDetail({}, { transitions: ['acknowledged', 'declined'] }));
    await shown();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    screen.getByRole('button', { name: 'Acknowledge' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(status()).toBe('Acknowledged.'));
    expect(transition).toHaveBeenCalledWith('a_1', { status: 'acknowledged' });
    expect(screen.getByText('Acknowledged', { selector: '.pill' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Start' })));
    expect(on.changed).toHaveBeenCalledTimes(1);
  });

  it('declines with the reason the requester will read', async () => {
    const transition = vi.fn(async () => aDetail({ status: 'declined' }, { transitions: ['open'] }));
    const { view } = mountDetail({ transition });
    view.open(aDetail({}, { transitions: ['acknowledged', 'declined'] }));
    await shown();
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByLabelText('Reason for declining'), { target: { value: 'Ask IT instead' } });
    fireEvent.click(screen.getByRole('button', { name: 'Decline ask' }));
    await waitFor(() => expect(status()).toBe('Declined.'));
    expect(transition).toHaveBeenCalledWith('a_1', { status: 'declined', reason: 'Ask IT instead' });
    expect(screen.queryByLabelText('Reason for declining')).toBeNull();
  });

  it('says when the ask changed meanwhile, and shows where it stands now', async () => {
    const transition = vi
      .fn()
      .mockRejectedValue(new ApiProblem('illegal_transition', 'It is resolved already', {}, 409));
    const ask = vi.fn(async () => aDetail({ status: 'resolved' }, { transitions: ['open'] }));
    const { view, on } = mountDetail({ transition, ask });
    view.open(aDetail({}, { transitions: ['acknowledged'] }));
    await shown();
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() =>
      expect(alert()?.textContent).toBe(
        'It changed in the meantime (It is resolved already). Here is where it stands now.',
      ),
    );
    await screen.findByRole('button', { name: 'Reopen' });
    expect(ask).toHaveBeenCalledWith('a_1');
    expect(on.failed).toHaveBeenCalledWith(expect.any(ApiProblem));
    expect(on.changed).not.toHaveBeenCalled();
  });

  it('says it is gone when the server answers 404, and does not show an error', async () => {
    const ask = vi.fn().mockRejectedValue(new ApiProblem('not_found', 'Not found', {}, 404));
    const { view, on } = mountDetail({ ask });
    view.open(anAsk());
    await waitFor(() => expect(on.gone).toHaveBeenCalledWith('That ask is no longer visible to you.'));
    expect(alert()?.hidden).toBe(true);
  });

  it('shows other load failures beside the ask, keeping what the list had', async () => {
    const ask = vi.fn().mockRejectedValue(new ApiProblem('network', 'Cannot reach the server.'));
    const { view, on } = mountDetail({ ask });
    view.open(anAsk());
    await waitFor(() => expect(alert()?.textContent).toBe('Cannot reach the server.'));
    expect(heading().textContent).toBe('Overtime missing on my November payslip');
    expect(on.gone).not.toHaveBeenCalled();
  });

  it('drops a late answer about an ask no longer shown', async () => {
    const first = later<AskDetail>();
    const ask = vi.fn((id: string) =>
      id === 'a_1' ? first.promise : Promise.resolve(aDetail({ id: 'a_2', subject: 'Laptop' })),
    );
    const { view, on } = mountDetail({ ask });
    view.open(anAsk());
    await waitFor(() => expect(ask).toHaveBeenCalledWith('a_1'));
    view.open(anAsk({ id: 'a_2', subject: 'Laptop' }));
    await screen.findByText('Activity');
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    first.resolve(aDetail({ subject: 'Overtime, fetched late' }));
    first.reject(new Error('ignored'));
    await new Promise((r) => setTimeout(r, 20));
    expect(heading().textContent).toBe('Laptop');
    expect(view.currentId()).toBe('a_2');
    expect(on.gone).not.toHaveBeenCalled();
  });

  it('drops a late 404 about an ask no longer shown', async () => {
    const first = later<AskDetail>();
    const ask = vi.fn((id: string) => (id === 'a_1' ? first.promise : Promise.resolve(aDetail({ id: 'a_2' }))));
    const { view, on } = mountDetail({ ask });
    view.open(anAsk());
    await waitFor(() => expect(ask).toHaveBeenCalledWith('a_1'));
    view.open(anAsk({ id: 'a_2', subject: 'Laptop' }));
    await screen.findByText('Activity');
    first.reject(new ApiProblem('not_found', 'Not found', {}, 404));
    await new Promise((r) => setTimeout(r, 20));
    expect(on.gone).not.toHaveBeenCalled();
  });

  it('fetches the shown ask again when the shell says something changed, and forgets it when closed', async () => {
    const ask = vi.fn(async () => aDetail({ updatedSeq: 20, status: 'in_progress' }));
    const { view } = mountDetail({ ask });
    view.open(aDetail());
    await shown();
    expect(view.seq()).toBe(12);
    view.reload();
    await screen.findByText('In progress', { selector: '.pill' });
    expect(view.seq()).toBe(20);
    view.close();
    await waitFor(() => expect(screen.queryByRole('heading')).toBeNull());
    expect(view.currentId()).toBeNull();
    expect(view.seq()).toBe(0);
  });

  it('goes back when Back is pressed', async () => {
    const { view, on } = mountDetail({});
    view.open(aDetail());
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    expect(on.back).toHaveBeenCalled();
  });

  it('offers the rating card on a resolved ask the reader may rate', async () => {
    const { view } = mountDetail({});
    view.open(
      aDetail({ status: 'resolved', resolvedBy: priya, resolvedAt: new Date().toISOString() }, { canRate: true }),
    );
    await screen.findByRole('button', { name: 'Rate and thank' });
    expect(screen.getByText(/^Resolved by Priya Natarajan/)).toBeTruthy();
  });
});
