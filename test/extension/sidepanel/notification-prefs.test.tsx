import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationPrefs } from '../../../extension/entrypoints/sidepanel/notification-prefs.tsx';
import { type Api, ApiProblem, type NotificationPrefsResult } from '../../../extension/utils/api.ts';

const defaults: NotificationPrefsResult = {
  kinds: { newAsk: true, reply: true, resolved: true, thanks: true, atRisk: true },
  quietHours: null,
  timeZone: 'UTC',
};

function mount(stored: NotificationPrefsResult, save = vi.fn(async (p: NotificationPrefsResult) => p)) {
  const client = { notificationPrefs: vi.fn(async () => stored), setNotificationPrefs: save } as unknown as Api;
  const close = vi.fn();
  render(<NotificationPrefs client={client} close={close} failed={() => {}} />);
  return { save, close };
}
const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('notification preferences', () => {
  afterEach(cleanup);

  it('shows every kind on and no quiet hours by default, in the browser’s time zone, and saves what is chosen', async () => {
    const { save } = mount(defaults);
    await waitFor(() => expect(box('Thank-yous to me').checked).toBe(true));
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(zone);
    expect((screen.getByLabelText('From') as HTMLInputElement).disabled).toBe(true);

    fireEvent.click(box('Thank-yous to me'));
    fireEvent.click(box('Do not disturb me'));
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '21:30' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '06:45' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Asia/Tokyo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    expect(save).toHaveBeenCalledWith({
      kinds: { ...defaults.kinds, thanks: false },
      quietHours: { start: '21:30', end: '06:45' },
      timeZone: 'Asia/Tokyo',
    });
  });

  it('keeps the stored quiet hours and time zone, and turning them off saves none', async () => {
    const { save } = mount({ ...defaults, quietHours: { start: '22:00', end: '07:00' }, timeZone: 'America/Chicago' });
    await waitFor(() => expect(box('Do not disturb me').checked).toBe(true));
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('America/Chicago');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('22:00');
    fireEvent.click(box('Do not disturb me'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0][0]).toMatchObject({ quietHours: null, timeZone: 'America/Chicago' });
  });

  it('says why the server refused, naming what is wrong, and goes back', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiProblem('validation_failed', 'Not valid: timeZone', { timeZone: 'Unknown time zone' }, 400);
    });
    const { close } = mount(defaults, refuse);
    await waitFor(() => screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not save: Unknown time zone'));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(close).toHaveBeenCalled();
  });
});
