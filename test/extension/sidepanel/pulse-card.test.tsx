import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PulseSlot } from '../../../extension/entrypoints/sidepanel/pulse-slot.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import type { MyPulsesResult, PulseApi } from '../../../extension/utils/pulse-api.ts';
import { dismissedPulsesItem } from '../../../extension/utils/storage.ts';

const closesAt = '2026-12-18T17:00:00.000Z';
const payroll = { pulseId: 'pl_1', departmentId: 'd_pay', departmentName: 'Payroll', closesAt, reminder: false };
const facilities = { pulseId: 'pl_1', departmentId: 'd_fac', departmentName: 'Facilities', closesAt, reminder: true };
const payrollChanges = {
  pulseId: 'pl_0',
  departmentId: 'd_pay',
  departmentName: 'Payroll',
  closedAt: '2026-09-30T17:00:00.000Z',
  actions: [
    {
      text: 'Payslips explain overtime line by line',
      owner: { id: 'p_priya', name: 'Priya Natarajan' },
      due: '2026-10-31',
    },
    { text: 'A named owner for every ticket', owner: { id: 'p_omar', name: 'Omar Haddad' }, due: '2026-11-15' },
  ],
};
const account = 'http://127.0.0.1:8787 p_sam';
const session = { serverUrl: 'http://127.0.0.1:8787', token: 't_sam' };

// The pulse calls the slot loads: the test's fakes, for the session the slot was given.
let fakes: Partial<PulseApi> = {};
vi.mock('../../../extension/utils/pulse-api.ts', () => ({ pulseApi: () => fakes }));

function mount(
  mine: MyPulsesResult,
  calls: Partial<Record<'answerPulse' | 'skipPulse', ReturnType<typeof vi.fn>>> = {},
) {
  const client = {
    mine: vi.fn(async () => mine),
    answer:
      calls.answerPulse ??
      vi.fn(async (pulseId: string, body: { departmentId: string }) => ({
        pulseId,
        departmentId: body.departmentId,
        answered: true,
      })),
    skip: calls.skipPulse ?? vi.fn(async () => ({ remindAt: '2026-12-10T12:00:00.000Z' })),
  };
  const failed = vi.fn();
  fakes = client as unknown as PulseApi;
  const view = render(<PulseSlot session={session} account={account} ready failed={failed} />);
  return { client, failed, view };
}

const scale = (name: string) => screen.getByRole('radiogroup', { name });
/** Chooses `n` on the scale named "Dimension: How …". */
const choose = (name: string, n: number) =>
  fireEvent.click(within(scale(name)).getByRole('radio', { name: String(n) }));
const dimensions = ['Communication', 'Productivity', 'Responsiveness', 'Quality'];
/** Every scale but those in `leave`: expectation 7, 6, 5, 4 and perception 1, 2, 3, 4 by dimension. */
function chooseAll(leave: string[] = []) {
  dimensions.forEach((d, i) => {
    const matters = `${d}: How much it matters to you`;
    const did = `${d}: How they did`;
    if (!leave.includes(matters)) choose(matters, 7 - i);
    if (!leave.includes(did)) choose(did, i + 1);
  });
}
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Send' }));

describe('the pulse card', () => {
  afterEach(async () => {
    cleanup();
    await fakeBrowser.storage.local.clear();
  });

  it('asks nothing before the inbox settles, and loads no card when nothing waits', async () => {
    const myPulses = vi.fn(async () => ({ pending: [], threshold: 5, changes: [], results: [] }));
    fakes = { mine: myPulses };
    const { rerender } = render(<PulseSlot session={session} account={account} ready={false} failed={vi.fn()} />);
    expect(myPulses).not.toHaveBeenCalled();
    rerender(<PulseSlot session={session} account={account} ready failed={vi.fn()} />);
    await waitFor(() => expect(myPulses).toHaveBeenCalledTimes(1));
    expect(document.querySelector('.pulse-cards')).toBeNull();
  });

  it('shows one card per pending pulse with its closing date, a reminder saying so, and eight labelled scales', async () => {
    mount({ pending: [payroll, facilities], threshold: 5, changes: [], results: [] });
    expect(await screen.findByRole('heading', { name: 'How is Payroll doing for you?' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'How is Facilities doing for you?' })).toBeTruthy();
    const [first, second] = screen.getAllByRole('region');
    expect(first?.textContent).toMatch(/^Closes \S/);
    expect(second?.textContent).toContain('Reminder: you skipped this once. Closes');
    const groups = within(first as HTMLElement).getAllByRole('radiogroup');
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(
      dimensions.flatMap((d) => [`${d}: How much it matters to you`, `${d}: How they did`]),
    );
    for (const g of groups) {
      expect(
        within(g)
          .getAllByRole('radio')
          .map((r) => r.getAttribute('aria-label') ?? r.parentElement?.textContent),
      ).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    }
    expect(within(first as HTMLElement).getByText('Working with them lets me get my work done')).toBeTruthy();
  });

  it('sends exactly the ratings chosen and the comment, then thanks in place of the card, naming the threshold', async () => {
    const { client } = mount({ pending: [payroll], threshold: 7, changes: [], results: [] });
    await screen.findByRole('heading', { name: 'How is Payroll doing for you?' });
    chooseAll();
    // A change of mind counts: the last choice is sent.
    choose('Quality: How they did', 6);
    fireEvent.input(screen.getByLabelText('Comment (optional)'), {
      target: { value: '  Faster answers on overtime  ' },
    });
    send();
    expect(
      await screen.findByText(
        /^Thanks — answers are anonymous; results show once the pulse has closed, if at least 7 people answered/,
      ),
    ).toBeTruthy();
    expect(client.answer).toHaveBeenCalledTimes(1);
    expect(client.answer).toHaveBeenCalledWith(
      'pl_1',
      {
        departmentId: 'd_pay',
        ratings: {
          communication: { expectation: 7, perception: 1 },
          productivity: { expectation: 6, perception: 2 },
          responsiveness: { expectation: 5, perception: 3 },
          quality: { expectation: 4, perception: 6 },
        },
        comment: 'Faster answers on overtime',
      },
      expect.any(String),
    );
    expect(screen.queryByRole('heading', { name: 'How is Payroll doing for you?' })).toBeNull();
    expect(document.activeElement?.textContent).toMatch(/^Thanks/);
  });

  it('refuses to send until all eight scales are chosen, says which one is missing and goes to it', async () => {
    const { client } = mount({ pending: [payroll], threshold: 5, changes: [], results: [] });
    await screen.findByRole('heading', { name: 'How is Payroll doing for you?' });
    send();
    expect(screen.getByRole('alert').textContent).toBe(
      'Choose a number for Communication: How much it matters to you. 8 of 8 still to choose.',
    );
    chooseAll(['Responsiveness: How they did']);
    send();
    expect(client.answer).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Choose a number for Responsiveness: How they did.');
    expect(scale('Responsiveness: How they did').getAttribute('aria-invalid')).toBe('true');
    expect(scale('Responsiveness: How they did').contains(document.activeElement)).toBe(true);
    choose('Responsiveness: How they did', 4);
    expect(screen.queryByRole('alert')).toBeNull();
    send();
    await screen.findByText(/^Thanks/);
    expect(client.answer).toHaveBeenCalledWith(
      'pl_1',
      expect.objectContaining({
        ratings: expect.objectContaining({ responsiveness: { expectation: 5, perception: 4 } }),
      }),
      expect.any(String),
    );
    expect(client.answer.mock.calls[0]?.[1]).not.toHaveProperty('comment');
  });

  it('skips, saying whether it comes back', async () => {
    const skipPulse = vi
      .fn()
      .mockResolvedValueOnce({ remindAt: '2026-12-10T12:00:00.000Z' })
      .mockResolvedValueOnce({ remindAt: null });
    const { client } = mount({ pending: [payroll, facilities], threshold: 5, changes: [], results: [] }, { skipPulse });
    await screen.findByRole('heading', { name: 'How is Payroll doing for you?' });
    const [first, second] = screen.getAllByRole('button', { name: 'Skip' });
    fireEvent.click(first as HTMLElement);
    expect(await screen.findByText('Skipped. It comes back once before it closes.')).toBeTruthy();
    fireEvent.click(second as HTMLElement);
    expect(await screen.findByText('Skipped. It will not come back.')).toBeTruthy();
    expect(client.skip.mock.calls).toEqual([
      ['pl_1', 'd_pay'],
      ['pl_1', 'd_fac'],
    ]);
    expect(screen.queryByRole('heading')).toBeNull();
  });

  it('says so when the pulse was already answered or has closed (409)', async () => {
    const answerPulse = vi.fn().mockRejectedValue(new ApiProblem('conflict', 'Already answered', {}, 409));
    mount({ pending: [payroll], threshold: 5, changes: [], results: [] }, { answerPulse });
    await screen.findByRole('heading', { name: 'How is Payroll doing for you?' });
    chooseAll();
    send();
    expect(await screen.findByText('This pulse was already answered or has closed.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it('keeps every choice when sending fails, and retries with the same idempotency key', async () => {
    const answerPulse = vi
      .fn()
      .mockRejectedValueOnce(new ApiProblem('network', 'Cannot reach the server'))
      .mockResolvedValueOnce({ answered: true });
    mount({ pending: [payroll], threshold: 5, changes: [], results: [] }, { answerPulse });
    await screen.findByRole('heading', { name: 'How is Payroll doing for you?' });
    chooseAll();
    send();
    expect((await screen.findByRole('alert')).textContent).toBe('Could not send: Cannot reach the server');
    const checked = within(scale('Quality: How they did')).getByRole('radio', { name: '4' }) as HTMLInputElement;
    expect(checked.checked).toBe(true);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', false));
    send();
    await screen.findByText(/^Thanks/);
    expect(answerPulse.mock.calls[1]?.[1]).toEqual(answerPulse.mock.calls[0]?.[1]);
    expect(answerPulse.mock.calls[1]?.[2]).toBe(answerPulse.mock.calls[0]?.[2]);
  });

  it('shows what a department changed, with owner and due date, until dismissed for this account', async () => {
    mount({ pending: [], threshold: 5, changes: [payrollChanges], results: [] });
    const card = await screen.findByRole('region', { name: 'You said, Payroll did' });
    const items = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^Payslips explain overtime line by linePriya Natarajan · by \S/);
    expect(items[1]).toMatch(/^A named owner for every ticketOmar Haddad · by \S/);
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss what Payroll changed' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'You said, Payroll did' })).toBeNull());
    await waitFor(async () => expect((await dismissedPulsesItem.getValue())[account]).toEqual(['pl_0/d_pay']));
    cleanup();
    // Dismissed stays dismissed for this account; another account on the same browser still sees it.
    mount({ pending: [payroll], threshold: 5, changes: [payrollChanges], results: [] });
    await screen.findByRole('heading', { name: 'How is Payroll doing for you?' });
    expect(screen.queryByRole('region', { name: 'You said, Payroll did' })).toBeNull();
    cleanup();
    fakes = { mine: async () => ({ pending: [], threshold: 5, changes: [payrollChanges], results: [] }) };
    render(<PulseSlot session={session} account="http://127.0.0.1:8787 p_maya" ready failed={vi.fn()} />);
    expect(await screen.findByRole('region', { name: 'You said, Payroll did' })).toBeTruthy();
  });

  it("tells a department's own people its results are in, opens them on the managers' page, and is dismissed apart", async () => {
    const ready = {
      pulseId: 'pl_0',
      departmentId: 'd_pay',
      departmentName: 'Payroll',
      closedAt: '2026-09-30T17:00:00.000Z',
    };
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    mount({ pending: [], threshold: 5, changes: [payrollChanges], results: [ready] });
    const card = await screen.findByRole('region', { name: "Payroll's pulse results are in" });
    fireEvent.click(within(card).getByRole('button', { name: 'See the results' }));
    expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(/\/leaderboard\.html#pulse=pl_0$/) });
    fireEvent.click(within(card).getByRole('button', { name: "Dismiss Payroll's pulse results" }));
    await waitFor(() => expect(screen.queryByRole('region', { name: "Payroll's pulse results are in" })).toBeNull());
    // The changes of the same pulse stay until dismissed themselves.
    expect(screen.getByRole('region', { name: 'You said, Payroll did' })).toBeTruthy();
    create.mockRestore();
  });
});
