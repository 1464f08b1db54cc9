import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PulseActionsForm } from '../../../extension/entrypoints/leaderboard/pulse-actions-form.tsx';
import { PulseOpenForm } from '../../../extension/entrypoints/leaderboard/pulse-open-form.tsx';
import { PulsesView } from '../../../extension/entrypoints/leaderboard/pulses-view.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import type { DepartmentPulseResult, PulseAdminApi, PulseItem } from '../../../extension/utils/pulse-api.ts';

const on = { failed: vi.fn(), busy: vi.fn() };
const priya = { id: 'p-priya', name: 'Priya Natarajan' };
const tom = { id: 'p-tom', name: 'Tom Becker' };

const pulse = (over: Partial<PulseItem> = {}): PulseItem => ({
  id: 'pulse-2',
  departments: [{ id: 'payroll', name: 'Payroll', audience: 16, respondents: 6 }],
  audience: { kind: 'everyone' },
  repeat: 'quarterly',
  opensAt: '2026-11-01T09:00:00.000Z',
  closesAt: '2026-11-15T22:59:00.000Z',
  state: 'closed',
  round: 2,
  ...over,
});

const dimension = (d: string, e: number, p: number) => ({
  dimension: d as 'communication',
  expectation: e,
  perception: p,
  gap: Math.round((p - e) * 100) / 100,
  expectationSpread: 0.5,
  perceptionSpread: 1.25,
  expectationCounts: [0, 0, 0, 0, 1, 3, 2],
  perceptionCounts: [0, 1, 2, 2, 1, 0, 0],
});

const result = (over: Partial<DepartmentPulseResult> = {}): DepartmentPulseResult => ({
  departmentId: 'payroll',
  name: 'Payroll',
  audience: 16,
  respondents: 6,
  hidden: null,
  dimensions: [
    dimension('communication', 6.17, 3.5),
    dimension('productivity', 5, 5.5),
    dimension('responsiveness', 6, 4),
    dimension('quality', 5.5, 5.5),
  ],
  comments: ['Overtime questions take a week.'],
  history: [
    {
      pulseId: 'pulse-1',
      closesAt: '2026-08-15T22:59:00.000Z',
      respondents: 7,
      gaps: { communication: -3.2, productivity: 0.4, responsiveness: -2, quality: 0 },
    },
    {
      pulseId: 'pulse-2',
      closesAt: '2026-11-15T22:59:00.000Z',
      respondents: 6,
      gaps: { communication: -2.67, productivity: 0.5, responsiveness: -2, quality: 0 },
    },
  ],
  askRatings: {
    from: '2026-08-17T00:00:00.000Z',
    to: '2026-11-15T22:59:00.000Z',
    rated: 12,
    overall: 4.25,
    communication: 3.5,
    responsiveness: null,
    quality: 4.5,
  },
  actions: [{ text: 'Payslips explain overtime', owner: priya, due: '2026-12-31' }],
  canRecordActions: false,
  owners: [],
  previousActions: [{ text: 'A payroll inbox answered daily', owner: tom, due: '2026-10-01' }],
  ...over,
});

function fakeApi(over: Partial<PulseAdminApi> = {}): PulseAdminApi {
  return {
    list: vi.fn(async () => ({ pulses: [pulse()] })),
    open: vi.fn(async () => pulse({ id: 'pulse-3', state: 'open' })),
    close: vi.fn(async () => pulse()),
    setRepeat: vi.fn(async () => pulse({ repeat: 'none' })),
    results: vi.fn(async () => ({ pulse: pulse(), threshold: 5, departments: [result()] })),
    setActions: vi.fn(async () => ({ actions: [] })),
    ...over,
  };
}

describe("the managers' pulses", () => {
  afterEach(cleanup);

  it('shows a closed pulse: the gap per dimension with its spread, ratings beside, history, comments and changes', async () => {
    render(<PulsesView pulses={fakeApi()} departments={[]} mayOpen={true} {...on} />);
    const payroll = await screen.findByRole('region', { name: 'Payroll' });
    const gap = within(payroll).getByRole('table', {
      name: 'What matters to the people Payroll serves, and how it did (1–7)',
    });
    const rows = within(gap)
      .getAllByRole('row')
      .slice(1, 5)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['6.2 ± 0.5', '3.5 ± 1.3', '-2.7'],
      ['5.0 ± 0.5', '5.5 ± 1.3', '+0.5'],
      ['6.0 ± 0.5', '4.0 ± 1.3', '-2.0'],
      ['5.5 ± 0.5', '5.5 ± 1.3', '0.0'],
    ]);
    // How many gave each number, one hover away.
    expect(within(payroll).getAllByTitle('1: 0 · 2: 1 · 3: 2 · 4: 2 · 5: 1 · 6: 0 · 7: 0')).toHaveLength(4);
    expect(payroll.textContent).toContain(
      '12 asks rated · overall 4.3 of 5 · Communication 3.5 · Responsiveness — · Quality 4.5',
    );
    const history = within(payroll).getByRole('table', { name: 'The gap over pulses' });
    expect(
      within(history)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'ClosedAnsweredCommunicationProductivityResponsivenessQuality',
      expect.stringMatching(/^Aug 1[56], 20267-3\.2\+0\.4-2\.00\.0$/),
      expect.stringMatching(/^Nov 1[56], 20266-2\.7\+0\.5-2\.00\.0$/),
    ]);
    expect(within(payroll).getByRole('region', { name: '1 comment' }).textContent).toBe(
      '1 commentOvertime questions take a week.',
    );
    expect(within(payroll).getByRole('region', { name: /You said, we did/ }).textContent).toContain(
      'Payslips explain overtime',
    );
    expect(within(payroll).getByRole('region', { name: 'Promised after the previous pulse' }).textContent).toContain(
      'A payroll inbox answered daily',
    );
    // The figures as CSV: one row per dimension, the means, spreads, gap and every count.
    let saved: Blob | undefined;
    const toUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      saved = b as Blob;
      return 'blob:pulse';
    });
    fireEvent.click(within(payroll).getByRole('button', { name: /^Export .* as CSV$/ }));
    const lines = (await (saved as Blob).text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'dimension,expectation,expectation spread,perception,perception spread,gap,' +
        'expectation 1,expectation 2,expectation 3,expectation 4,expectation 5,expectation 6,expectation 7,' +
        'perception 1,perception 2,perception 3,perception 4,perception 5,perception 6,perception 7',
    );
    expect(lines[1]).toBe('communication,6.17,0.5,3.5,1.25,-2.67,0,0,0,0,1,3,2,0,1,2,2,1,0,0');
    expect(lines).toHaveLength(5);
    toUrl.mockRestore();
    // Closed: nothing to close; quarterly: it can be stopped.
    expect(screen.queryByRole('button', { name: 'Close now' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop repeating' })).toBeTruthy();
  });

  it('says why a department shows nothing, and a department member can neither open nor close', async () => {
    const api = fakeApi({
      list: vi.fn(async () => ({ pulses: [pulse({ state: 'open', repeat: 'none' })] })),
      results: vi.fn(async () => ({
        pulse: pulse({ state: 'open' }),
        threshold: 5,
        departments: [result({ hidden: 'below_threshold', respondents: 4, dimensions: [], comments: [] })],
      })),
    });
    render(<PulsesView pulses={api} departments={[]} mayOpen={false} {...on} />);
    await screen.findByText("Only 4 answered: results show from 5 answers, so no one's answers can be picked out.");
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open a pulse' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close now' })).toBeNull();
  });

  it('opens a pulse for the departments chosen, closing at the end of the day chosen, and clears a fixed error', async () => {
    const open = vi.fn(async (): Promise<PulseItem> => {
      throw new ApiProblem('validation_failed', 'Invalid', { departmentIds: 'Choose at least one department' }, 400);
    });
    const api = fakeApi({ open });
    const done = vi.fn();
    render(
      <PulseOpenForm
        api={api}
        departments={
          [
            { id: 'payroll', name: 'Payroll' },
            { id: 'legal', name: 'Legal' },
          ] as never
        }
        done={done}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open pulse' }));
    await screen.findByText('Choose at least one department');
    fireEvent.click(screen.getByLabelText('Legal'));
    expect(screen.queryByText('Choose at least one department')).toBeNull();
    fireEvent.click(screen.getByLabelText(/People who asked the department something/));
    fireEvent.input(screen.getByLabelText('Days'), { target: { value: '30' } });
    fireEvent.input(screen.getByLabelText('Closes at the end of'), { target: { value: '2027-01-15' } });
    fireEvent.click(screen.getByLabelText('Open it again every quarter'));
    open.mockImplementation(async () => pulse({ id: 'pulse-3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open pulse' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith(expect.objectContaining({ id: 'pulse-3' })));
    const [input, key] = (open.mock.calls as unknown as [unknown, string][])[1];
    expect(input).toEqual({
      departmentIds: ['legal'],
      audience: { kind: 'askedWithin', days: 30 },
      closesAt: new Date('2027-01-15T23:59:00').toISOString(),
      repeat: 'quarterly',
    });
    // The retry of one form is one pulse: the same key both times.
    expect(key).toBe((open.mock.calls as unknown as [unknown, string][])[0][1]);
  });

  it('records up to three changes with an owner from the department, and an error goes when its field is edited', async () => {
    const setActions = vi.fn(async (): Promise<{ actions: [] }> => {
      throw new ApiProblem('validation_failed', 'Invalid', { 'actions.0.text': 'Say what will change' }, 400);
    });
    const r = result({
      canRecordActions: true,
      owners: [tom],
      actions: [{ text: 'Old', owner: priya, due: '2026-12-31' }],
    });
    render(<PulseActionsForm api={fakeApi({ setActions })} pulseId="pulse-2" result={r} />);
    // Priya owns a change but has left Payroll: she stays choosable for it.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choose an owner',
      'Tom Becker',
      'Priya Natarajan',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Add a change' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a change' }));
    expect(screen.queryByRole('button', { name: 'Add a change' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove change 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Say what will change');
    fireEvent.input(screen.getAllByLabelText('What will change')[0], { target: { value: 'Overtime explained' } });
    expect(screen.queryByText('Say what will change')).toBeNull();
    const inputs = screen.getAllByLabelText('What will change');
    fireEvent.input(inputs[1], { target: { value: 'A weekly payroll surgery' } });
    fireEvent.change(screen.getAllByLabelText('Owner')[1], { target: { value: tom.id } });
    fireEvent.input(screen.getAllByLabelText('By')[1], { target: { value: '2027-02-01' } });
    setActions.mockImplementation(async () => ({ actions: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved. The people who were asked see these in their panel.');
    expect(setActions).toHaveBeenLastCalledWith('pulse-2', 'payroll', {
      actions: [
        { text: 'Overtime explained', ownerId: priya.id, due: '2026-12-31' },
        { text: 'A weekly payroll surgery', ownerId: tom.id, due: '2027-02-01' },
      ],
    });
  });
});
