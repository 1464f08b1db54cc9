import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MyDigestSection } from '../../../extension/entrypoints/settings/my-digest-section.tsx';
import { renderSection } from './render-settings.tsx';

const webhooks = [{ id: 'wh_1', name: 'Managers channel', target: 'slack' as const }];

describe('my weekly digest', () => {
  afterEach(cleanup);

  it('sends a manager’s digest to the webhook they choose, or nowhere', async () => {
    const chooseDigest = vi.fn(async (webhookId: string | null) => ({ webhookId, webhooks }));
    renderSection(<MyDigestSection />, {
      myDigest: async () => ({ webhookId: null, webhooks }),
      chooseDigest,
    } as never);
    const where = (await screen.findByLabelText('Send it to')) as HTMLSelectElement;
    expect(where.value).toBe('');
    fireEvent.change(where, { target: { value: 'wh_1' } });
    await screen.findByText('Saved. Your next digest goes there.');
    expect(chooseDigest).toHaveBeenCalledWith('wh_1');
    expect(where.value).toBe('wh_1');
    fireEvent.change(where, { target: { value: '' } });
    await vi.waitFor(() => expect(chooseDigest).toHaveBeenLastCalledWith(null));
  });

  it('says how to get a digest webhook when the organisation has none', async () => {
    renderSection(<MyDigestSection />, { myDigest: async () => ({ webhookId: null, webhooks: [] }) } as never);
    await screen.findByText('No webhook carries digests yet. An admin adds one under Webhooks.');
  });
});
