import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvitationCard } from '../../../extension/entrypoints/settings/invitation-card.tsx';
import { invitation } from './people-fixtures.ts';

function clipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('invitation card', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('shows who it is for, the code and the link, until when they work, and opens on the code', async () => {
    const close = vi.fn();
    render(<InvitationCard name="Noor Haddad" invitation={invitation} close={close} />);
    screen.getByRole('group', { name: 'Invitation for Noor Haddad' });
    const code = screen.getByRole('textbox', { name: 'Sign-in code' });
    expect(code).toHaveProperty('value', 'demo.ABCD-EFGH');
    expect(code).toHaveProperty('readOnly', true);
    expect(screen.getByRole('textbox', { name: 'Invitation link' })).toHaveProperty('value', invitation.link);
    screen.getByText(/It works once, until .*2030/);
    await waitFor(() => expect(document.activeElement).toBe(code));
    fireEvent.click(screen.getByRole('button', { name: 'Close invitation' }));
    expect(close).toHaveBeenCalledOnce();
  });

  it('Copy puts the value on the clipboard and says Copied, for a few seconds', async () => {
    const writeText = vi.fn(async () => {});
    clipboard(writeText);
    render(<InvitationCard name="Noor Haddad" invitation={invitation} close={() => {}} />);
    vi.useFakeTimers();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    await vi.waitFor(() => screen.getByText('Copied'));
    expect(writeText).toHaveBeenCalledWith(invitation.link);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await vi.waitFor(() => expect(screen.getAllByText('Copied')).toHaveLength(2));
    expect(writeText).toHaveBeenLastCalledWith('demo.ABCD-EFGH');
    await vi.advanceTimersByTimeAsync(4000);
    expect(screen.queryByText('Copied')).toBeNull();
  });

  it('when the clipboard refuses, selects the value to copy by hand', async () => {
    clipboard(vi.fn().mockRejectedValue(new Error('denied')));
    render(<InvitationCard name="Noor Haddad" invitation={invitation} close={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    await screen.findByText('Selected: press Ctrl+C to copy');
    const code = screen.getByRole<HTMLInputElement>('textbox', { name: 'Sign-in code' });
    expect([code.selectionStart, code.selectionEnd]).toEqual([0, 'demo.ABCD-EFGH'.length]);
  });
});
