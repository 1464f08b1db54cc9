import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskActions } from '../../../extension/entrypoints/sidepanel/ask-actions.tsx';
import type { AskStatus } from '../../../shared/asks.ts';

// The background's checks of the panel's forms, run here.
vi.mock('../../../extension/utils/validation.ts', () => import('../answer-validation.ts'));

function mount(transitions: AskStatus[] = ['acknowledged', 'declined'], mine = false) {
  const onTransition = vi.fn(async (_status: AskStatus, _reason?: string) => {});
  const firstButton = { current: null as HTMLButtonElement | null };
  const view = render(
    <AskActions transitions={transitions} mine={mine} onTransition={onTransition} firstButton={firstButton} />,
  );
  const decline = (reason: string) => {
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByLabelText('Reason for declining'), { target: { value: reason } });
    fireEvent.click(screen.getByRole('button', { name: 'Decline ask' }));
  };
  return { onTransition, decline, firstButton, ...view };
}

const names = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('status buttons', () => {
  afterEach(cleanup);

  it('offers only the moves the server allows, in a fixed order, the next step first and marked', () => {
    const { firstButton } = mount(['declined', 'resolved', 'in_progress', 'waiting_on_requester']);
    expect(names()).toEqual(['Start', 'Resolve', 'Ask requester', 'Decline']);
    expect(screen.getByRole('button', { name: 'Start' }).className).toBe('primary');
    expect(screen.getByRole('button', { name: 'Decline' }).className).toBe('danger-ghost');
    expect(firstButton.current?.textContent).toBe('Start');
  });

  it('does not nudge the requester towards closing their own ask', () => {
    mount(['resolved', 'open'], true);
    expect(names()).toEqual(['Resolve', 'Reopen']);
    expect(screen.getByRole('button', { name: 'Resolve' }).className).toBe('');
  });

  it('moves the ask with one click, without a reason', () => {
    const { onTransition } = mount(['acknowledged', 'declined']);
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    expect(onTransition).toHaveBeenCalledWith('acknowledged');
  });

  it('shows nothing when the reader may not move the ask', () => {
    const { container } = mount([]);
    expect(container.textContent).toBe('');
  });
});

describe('declining an ask', () => {
  afterEach(cleanup);

  it('asks for the reason inline, focused, and Cancel puts focus back on Decline', async () => {
    mount();
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    const reason = screen.getByLabelText('Reason for declining');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(screen.getByText('The requester sees this.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Decline' })));
    expect(screen.queryByLabelText('Reason for declining')).toBeNull();
  });

  it('asks for a reason that shows, as the server does: zero-width characters say nothing', async () => {
    const { onTransition, decline } = mount();
    decline('\u200B\u200D\u00A0\u202E');
    const reason = screen.getByLabelText('Reason for declining');
    expect(await screen.findByText('Say why, so the requester knows what to do instead')).toBeTruthy();
    expect(onTransition).not.toHaveBeenCalled();
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(reason.getAttribute('aria-describedby')).toContain('detail-decline-reason-error');
    await waitFor(() => expect(document.activeElement).toBe(reason));
  });

  it('sends the reason cleaned the way the server stores it, then closes the form', async () => {
    const { onTransition, decline } = mount();
    decline('\u200B Not ours: ask IT \u00A0');
    await waitFor(() => expect(onTransition).toHaveBeenCalledWith('declined', 'Not ours: ask IT'));
    await waitFor(() => expect(screen.queryByLabelText('Reason for declining')).toBeNull());
  });

  it('keeps the reason when the server refused, for another try', async () => {
    const { onTransition, decline } = mount();
    onTransition.mockRejectedValueOnce(new Error('offline'));
    decline('Not ours: ask IT');
    await waitFor(() => expect(onTransition).toHaveBeenCalled());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Decline ask' })).toHaveProperty('disabled', false));
    expect(screen.getByLabelText('Reason for declining')).toHaveProperty('value', 'Not ours: ask IT');
  });

  it('closes when the server no longer allows declining', () => {
    const { rerender, onTransition, firstButton } = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    rerender(
      <AskActions transitions={['in_progress']} mine={false} onTransition={onTransition} firstButton={firstButton} />,
    );
    expect(screen.queryByLabelText('Reason for declining')).toBeNull();
    expect(names()).toEqual(['Start']);
  });
});
