import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutboxList } from '../../../extension/entrypoints/sidepanel/outbox-list.tsx';
import type { OutboxItem } from '../../../extension/utils/storage.ts';

const item = (over: Partial<OutboxItem>): OutboxItem =>
  ({
    id: 'o_1',
    key: 'k_1',
    account: 'http://x p_sam',
    request: { kind: 'ask' },
    to: 'Payroll',
    snippet: 'Overtime missing',
    createdAt: 0,
    state: 'pending',
    ...over,
  }) as OutboxItem;

describe('outbox', () => {
  afterEach(cleanup);

  it('shows nothing when nothing waits', () => {
    render(<OutboxList items={[]} retry={vi.fn()} discard={vi.fn()} />);
    expect(document.getElementById('outbox')).toBeNull();
  });

  it('lists what waits and what was refused, and retries or discards the item chosen', () => {
    const waiting = item({});
    const refused = item({
      id: 'o_2',
      request: { kind: 'thank' } as never,
      to: 'Priya Natarajan',
      snippet: 'Thanks for the fix',
      state: 'failed',
      error: 'Too many thanks today',
    });
    const retry = vi.fn();
    const discard = vi.fn();
    render(<OutboxList items={[waiting, refused]} retry={retry} discard={discard} />);
    const box = screen.getByRole('region', { name: /^Outbox/ });
    expect(within(box).getByRole('heading').textContent).toBe('Outbox2');
    const [first, second] = within(box).getAllByRole('listitem');
    expect(first.textContent).toContain('Ask to Payroll: Overtime missing');
    expect(first.textContent).toContain('Waiting to send');
    expect(second.textContent).toContain('Thanks to Priya Natarajan: Thanks for the fix');
    expect(second.textContent).toContain('Refused: Too many thanks today');
    expect(second.classList.contains('failed')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Retry Thanks for the fix' }));
    expect(retry).toHaveBeenCalledWith(refused);
    fireEvent.click(screen.getByRole('button', { name: 'Discard Overtime missing' }));
    expect(discard).toHaveBeenCalledWith(waiting);
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
