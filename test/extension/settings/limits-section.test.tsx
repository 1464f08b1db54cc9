import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LimitsSection } from '../../../extension/entrypoints/settings/limits-section.tsx';
import { ApiProblem } from '../../../extension/utils/api.ts';
import { renderSection } from './render-settings.tsx';

const limits = { writesPerMinute: 60, thanksPerRecipientPerDay: 5 };

describe('limits section', () => {
  afterEach(cleanup);

  it('shows the saved limits, saves a change and says so', async () => {
    const updateSettings = vi.fn(async (body: { limits: typeof limits }) => ({ limits: body.limits }));
    renderSection(<LimitsSection />, { settings: async () => ({ limits }) as never, updateSettings } as never);
    const writes = await screen.findByDisplayValue('60');
    fireEvent.input(writes, { target: { value: '90' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Limits saved. They apply from the next request.');
    expect(updateSettings).toHaveBeenCalledWith({ limits: { writesPerMinute: 90, thanksPerRecipientPerDay: 5 } });
    expect(screen.getByLabelText('Writes per minute')).toHaveProperty('value', '90');
  });

  it('puts a refusal beside its field and clears it on the next save', async () => {
    const refusal = new ApiProblem(
      'validation_failed',
      'Invalid',
      { 'limits.writesPerMinute': 'Must be at most 100000' },
      400,
    );
    const updateSettings = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce({ limits });
    renderSection(<LimitsSection />, { settings: async () => ({ limits }) as never, updateSettings } as never);
    await screen.findByDisplayValue('60');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Must be at most 100000');
    const writes = screen.getByLabelText('Writes per minute');
    expect(writes.getAttribute('aria-invalid')).toBe('true');
    expect(writes.getAttribute('aria-describedby')).toContain('limit-writes-error');
    expect(screen.getByRole('alert').textContent).toBe('Could not save the limits: check the marked fields.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(writes.getAttribute('aria-invalid')).toBeNull());
    expect(screen.queryByText('Must be at most 100000')).toBeNull();
  });
});
