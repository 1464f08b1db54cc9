import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialListState } from '../../../extension/entrypoints/sidepanel/list-notices.tsx';
import { Queue } from '../../../extension/entrypoints/sidepanel/queue.tsx';
import type { Queues } from '../../../shared/inbox.ts';
import { makeAsk } from './fixtures.ts';

function mount(data: Queues | null) {
  const on = { refresh: vi.fn(), open: vi.fn() };
  const ui = (next: Queues | null) => <Queue data={next} state={initialListState} {...on} />;
  const view = render(ui(data));
  return { ...on, rerender: (next: Queues) => view.rerender(ui(next)) };
}

describe('department queue', () => {
  afterEach(cleanup);

  it('shows each department with its open asks, what is overdue or due today, and who has each', () => {
    const overdue = makeAsk({
      id: 'a_1',
      subject: 'Payslip wrong',
      assignee: { id: 'p_priya', name: 'Priya Natarajan' },
      clock: { ...makeAsk().clock, firstResponseDueAt: new Date(Date.now() - 3_600_000).toISOString(), overdue: true },
      importance: 'urgent',
    });
    const toPerson = makeAsk({
      id: 'a_2',
      subject: 'Bonus',
      to: { kind: 'person', id: 'p_priya', name: 'Priya Natarajan' },
    });
    const { open } = mount({
      queues: [
        { department: { id: 'd_pay', name: 'Payroll' }, asks: [overdue, toPerson], overdue: 1, dueToday: 2 },
        { department: { id: 'd_it', name: 'IT' }, asks: [], overdue: 0, dueToday: 0 },
      ],
    });
    const payroll = screen.getByRole('region', { name: /^Payroll/ });
    expect(within(payroll).getByRole('heading').textContent).toBe('Payroll2 open1 overdue2 due today');
    const [first, second] = within(payroll).getAllByRole('button');
    expect(first.textContent).toContain('Priya Natarajan');
    expect(first.textContent).toContain('Urgent');
    expect(first.querySelector('.due-overdue')).not.toBeNull();
    expect(second.textContent).toContain('from Sam Rivera to Priya Natarajan');
    expect(second.textContent).toContain('Unassigned');
    fireEvent.click(second);
    expect(open).toHaveBeenCalledWith(toPerson);
    expect(screen.getByText('No open asks for IT. All caught up.')).toBeTruthy();
  });

  it('says when no queue is mine, and nothing before the first load', () => {
    const { rerender } = mount(null);
    expect(screen.queryByText(/no queue is yours/)).toBeNull();
    rerender({ queues: [] });
    expect(screen.getByText('You are not in a department, so no queue is yours.')).toBeTruthy();
  });

  it('keeps focus on its row when a refresh adds asks above it, and refreshes on request', () => {
    const q = (asks: ReturnType<typeof makeAsk>[]) => ({
      queues: [{ department: { id: 'd_pay', name: 'Payroll' }, asks, overdue: 0, dueToday: 0 }],
    });
    const { rerender, refresh } = mount(q([makeAsk({ id: 'a_1', subject: 'Older' })]));
    screen.getByRole('button', { name: /^Older/ }).focus();
    rerender(q([makeAsk({ id: 'a_0', subject: 'Newer' }), makeAsk({ id: 'a_1', subject: 'Older' })]));
    expect(document.activeElement?.textContent).toMatch(/^Older/);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(refresh).toHaveBeenCalled();
  });
});
