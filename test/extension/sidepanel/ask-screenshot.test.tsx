import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskScreenshot } from '../../../extension/entrypoints/sidepanel/ask-screenshot.tsx';
import type { Api } from '../../../extension/utils/api.ts';
import { anAsk } from './ask-fixtures.ts';

const context = { url: 'https://payroll.example/nov', title: 'Payslip', selection: '', screenshot: 'shot_1' };

describe('the ask’s screenshot', () => {
  afterEach(cleanup);

  it('fetches the picture with the token once per ask, and links it full size', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:shot-1');
    const screenshot = vi.fn(async () => new Blob(['png']));
    const client = { screenshot } as unknown as Api;
    const { rerender } = render(<AskScreenshot client={client} ask={anAsk({ id: 'a_shot', context })} />);
    const img = screen.getByRole('img', { name: 'Screenshot of Payslip' });
    await waitFor(() => expect(img.getAttribute('src')).toBe('blob:shot-1'));
    expect(screen.getByTitle('Open full size').getAttribute('href')).toBe('blob:shot-1');
    rerender(<AskScreenshot client={client} ask={anAsk({ id: 'a_shot', context, replyCount: 1 })} />);
    expect(screenshot).toHaveBeenCalledTimes(1);
    expect(screenshot).toHaveBeenCalledWith('a_shot');
  });

  it('says so when the picture cannot be loaded, and shows nothing for an ask without one', async () => {
    const client = { screenshot: vi.fn().mockRejectedValue(new Error('gone')) } as unknown as Api;
    const { container, rerender } = render(<AskScreenshot client={client} ask={anAsk({ id: 'a_broken', context })} />);
    expect(await screen.findByText('The screenshot could not be loaded.')).toBeTruthy();
    rerender(<AskScreenshot client={client} ask={anAsk({ id: 'a_plain' })} />);
    expect(container.textContent).toBe('');
  });
});
